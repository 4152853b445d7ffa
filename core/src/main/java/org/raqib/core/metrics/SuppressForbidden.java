package org.raqib.core.metrics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a class from forbidden-apis' "non-portable" check, which flags every {@code com.sun.*} class. Only for the
 * JDK's supported, exported {@code com.sun.net.httpserver} (module {@code jdk.httpserver}); say why where used.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR})
@interface SuppressForbidden {
    /** Why the exemption is sound. */
    String reason();
}

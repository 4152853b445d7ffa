package org.raqib.alerts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Tells forbiddenapis that a test class uses a flagged API on purpose; {@code reason} says why. */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.CONSTRUCTOR})
public @interface SuppressForbidden {
    /** Why the flagged API is right here. */
    String reason();
}

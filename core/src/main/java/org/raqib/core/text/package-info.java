/** Text helpers every module writing markup shares. */
package org.raqib.core.text;

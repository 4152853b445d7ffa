/** Raqib streams. */
package org.raqib.streams;

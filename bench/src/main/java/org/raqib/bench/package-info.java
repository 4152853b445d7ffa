/** Raqib bench. */
package org.raqib.bench;

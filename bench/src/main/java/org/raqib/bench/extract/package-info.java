/** The main-text extraction benchmark: pages extracted per second on one thread, and the HTML it reads per second. */
package org.raqib.bench.extract;

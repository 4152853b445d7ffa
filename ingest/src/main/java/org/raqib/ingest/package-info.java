/** Raqib ingest. */
package org.raqib.ingest;

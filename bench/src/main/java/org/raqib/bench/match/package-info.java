/** {@code raqib bench match}: single-threaded recognition throughput of Raqib's recogniser and the Lucene baseline, in one run. */
package org.raqib.bench.match;

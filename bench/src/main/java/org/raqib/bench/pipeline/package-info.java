/** {@code raqib bench pipeline}: the whole topology on a real broker, its sustained rate and its latency. */
package org.raqib.bench.pipeline;

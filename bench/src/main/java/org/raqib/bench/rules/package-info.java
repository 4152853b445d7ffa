/** {@code raqib bench rules}: rule-evaluation throughput with 10, 1,000 and 10,000 rules. */
package org.raqib.bench.rules;

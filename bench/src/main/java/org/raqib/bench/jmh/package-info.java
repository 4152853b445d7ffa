/**
 * JMH micro-benchmarks ({@code raqib bench jmh}): per-article cost of recognition and of rule evaluation, beside the
 * whole-corpus figures of {@code raqib bench match} and {@code raqib bench rules}.
 */
package org.raqib.bench.jmh;

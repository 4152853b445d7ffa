/**
 * The feed simulator: a small HTTP server on 127.0.0.1 that turns an article corpus into several outlets' RSS and
 * Atom feeds with items appearing over time, for the demo, the tests and the benchmarks.
 */
package org.raqib.ingest.simulate;

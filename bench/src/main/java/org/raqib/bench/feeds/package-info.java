/** The feed polling benchmark: polls per minute per worker against the feed simulator, and the heap it takes. */
package org.raqib.bench.feeds;

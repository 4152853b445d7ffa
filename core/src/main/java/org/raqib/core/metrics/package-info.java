/**
 * Metrics setup: one Prometheus registry per process with common tags and the JVM and process binders. Meter names
 * are Micrometer dot names under {@code raqib.} ({@code raqib.feed.polls} is exported as
 * {@code raqib_feed_polls_total}); tags are bounded (feed id, source, rule id, channel, outcome, reason), never
 * article ids or URLs.
 */
package org.raqib.core.metrics;

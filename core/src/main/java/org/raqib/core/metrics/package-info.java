/**
 * Metrics and health for operators: one Prometheus registry per process with common tags and the JVM and process
 * binders ({@link org.raqib.core.metrics.Metrics}), every meter name ({@link org.raqib.core.metrics.MeterNames}),
 * consumer-lag gauges, the readiness contract ({@link org.raqib.core.metrics.HealthCheck}) and the {@code /metrics}
 * and {@code /health} server of services without their own HTTP server. Meter names are Micrometer dot names under
 * {@code raqib.} ({@code raqib.feed.polls} is exported as {@code raqib_feed_polls_total}); tags are bounded (feed id,
 * source, rule id, channel, outcome, reason), never article ids or URLs. See {@code docs/operations.md}.
 */
package org.raqib.core.metrics;

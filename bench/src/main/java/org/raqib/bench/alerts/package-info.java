/**
 * The alert benchmarks: fan-out of matches to many subscriptions (alerts per second, without Kafka), and the
 * latency from a match on {@code raqib.matches} to a webhook receiver on loopback through the real alerts service.
 */
package org.raqib.bench.alerts;

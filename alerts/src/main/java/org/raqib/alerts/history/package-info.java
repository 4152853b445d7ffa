/**
 * The alert history: a bounded in-memory view of {@code raqib.alerts}, rebuilt by reading that topic from its
 * beginning, so any alerts instance can serve the history and the live stream. Kafka is the system of record;
 * this view only answers queries.
 */
package org.raqib.alerts.history;

/**
 * Polling feeds into {@code raqib.articles}: the poll of one feed (fetch, read items, full text, schedule), and the
 * ingest worker that shares the feeds with other workers through a consumer group and publishes articles and feed
 * state in one Kafka transaction.
 */
package org.raqib.ingest.poll;

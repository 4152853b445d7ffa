package org.raqib.core.config;

/**
 * The whole configuration, one record per concern. Built by {@link ConfigLoader}; each service receives only its
 * own part.
 *
 * @param kafka where the cluster is, or how to run the embedded broker
 * @param topics how topics are created
 * @param ingest feed polling
 * @param streams the processing topology
 * @param alerts the alerts service and its HTTP API
 */
public record RaqibConfig(
        KafkaSettings kafka,
        TopicsSettings topics,
        IngestSettings ingest,
        StreamsSettings streams,
        AlertsSettings alerts) {}

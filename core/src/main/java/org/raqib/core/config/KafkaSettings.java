package org.raqib.core.config;

import java.util.Map;

/**
 * Where Raqib's Kafka cluster is.
 *
 * @param bootstrapServers {@code host:port,...} of an external cluster; empty to run the embedded broker
 * @param embedded settings of the embedded single-node broker
 * @param properties Kafka client properties passed to every producer, consumer, admin and Streams client (for
 *     TLS/SASL: {@code security.protocol}, {@code sasl.mechanism}, ...)
 */
public record KafkaSettings(String bootstrapServers, EmbeddedBrokerSettings embedded, Map<String, String> properties) {

    public KafkaSettings {
        bootstrapServers = bootstrapServers == null ? "" : bootstrapServers.strip();
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** True when no external cluster is configured, so the commands that can start the embedded broker do. */
    public boolean useEmbedded() {
        return bootstrapServers.isEmpty();
    }

    /** The same settings, pointed at {@code servers}. */
    public KafkaSettings withBootstrapServers(String servers) {
        return new KafkaSettings(servers, embedded, properties);
    }
}

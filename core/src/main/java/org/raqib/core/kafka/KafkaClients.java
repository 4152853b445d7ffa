package org.raqib.core.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.raqib.core.config.KafkaSettings;

/**
 * Base properties for every Kafka client Raqib creates: the bootstrap servers plus the configured pass-through
 * properties (TLS, SASL). Services add their own client-specific settings on top.
 */
public final class KafkaClients {

    private final String bootstrapServers;
    private final Map<String, String> passthrough;

    /** Clients of the cluster at {@code bootstrapServers}, with {@code settings}' pass-through properties. */
    public KafkaClients(String bootstrapServers, KafkaSettings settings) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be empty");
        }
        this.passthrough = settings.properties();
    }

    /** {@code host:port,...} of the cluster. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A fresh mutable map with the base properties, for one client. */
    public Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>(passthrough);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }
}

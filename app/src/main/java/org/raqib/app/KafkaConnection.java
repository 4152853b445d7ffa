package org.raqib.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.raqib.app.broker.EmbeddedKafkaBroker;
import org.raqib.core.config.RaqibConfig;
import org.raqib.core.kafka.KafkaClients;
import org.raqib.core.kafka.Topic;
import org.raqib.core.kafka.TopicAdmin;
import org.raqib.core.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster a command talks to: the configured external cluster, or the embedded broker. Opening it verifies (or
 * creates) Raqib's topics; closing it stops the embedded broker if this connection started one.
 */
public final class KafkaConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaConnection.class);

    /** What a command does when no bootstrap servers are configured. */
    public enum WhenUnconfigured {
        /** Start the embedded broker ({@code run}, {@code demo}). */
        START_EMBEDDED,
        /** Connect to the embedded broker another {@code raqib run} started on this machine. */
        USE_LOCAL_EMBEDDED
    }

    private final EmbeddedKafkaBroker broker;
    private final KafkaClients clients;
    private final RaqibConfig config;

    private KafkaConnection(EmbeddedKafkaBroker broker, KafkaClients clients, RaqibConfig config) {
        this.broker = broker;
        this.clients = clients;
        this.config = config;
    }

    /** Connects as {@code config} says, starting the embedded broker when that is asked for and nothing is configured. */
    public static KafkaConnection open(RaqibConfig config, WhenUnconfigured whenUnconfigured) {
        if (!config.kafka().useEmbedded()) {
            return new KafkaConnection(null, new KafkaClients(config.kafka().bootstrapServers(), config.kafka()), config);
        }
        if (whenUnconfigured == WhenUnconfigured.USE_LOCAL_EMBEDDED) {
            String local = "localhost:" + config.kafka().embedded().port();
            log.info("No bootstrap servers configured; using the embedded broker of a running 'raqib run' at {}", local);
            return new KafkaConnection(null, new KafkaClients(local, config.kafka()), config);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config.kafka().embedded()).start();
        return new KafkaConnection(broker, new KafkaClients(broker.bootstrapServers(), config.kafka()), config);
    }

    /** Creates missing topics and verifies the existing ones against the configuration. */
    public KafkaConnection ensureTopics(Collection<Topic<?, ?>> extra) {
        List<Topic<?, ?>> topics = new ArrayList<>(Topics.all());
        topics.addAll(extra);
        try (Admin admin = admin()) {
            new TopicAdmin(admin, config.topics()).ensure(topics);
        }
        return this;
    }

    /** Base client properties for this cluster. */
    public KafkaClients clients() {
        return clients;
    }

    /** A new admin client; close it. */
    public Admin admin() {
        Map<String, Object> props = clients.properties();
        // Fail in seconds, with a message, when nothing listens at the bootstrap address.
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return Admin.create(props);
    }

    /** Whether this connection runs the embedded broker. */
    public boolean embedded() {
        return broker != null;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}

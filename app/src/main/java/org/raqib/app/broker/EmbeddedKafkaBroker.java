package org.raqib.app.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.raqib.core.config.EmbeddedBrokerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker inside this JVM: Kafka's own {@link KafkaRaftServer} in combined broker+controller mode, the
 * same server {@code kafka-server-start.sh} runs, with its data under {@link EmbeddedBrokerSettings#dataDir()} so
 * topics survive a restart. The storage is formatted on first start (the cluster id is kept in
 * {@code cluster.id} beside the logs).
 *
 * <p>Single-node settings: internal topics (consumer offsets, transaction state, share state) use replication 1,
 * or consumer groups and transactions would never form.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String CONTROLLER = "CONTROLLER";

    private final EmbeddedBrokerSettings settings;
    private KafkaRaftServer server;

    public EmbeddedKafkaBroker(EmbeddedBrokerSettings settings) {
        this.settings = settings;
    }

    /**
     * Formats the storage if needed and starts the broker; returns when it accepts clients.
     *
     * @throws BrokerStartException with an actionable message when a port is taken or the data directory unusable
     */
    public EmbeddedKafkaBroker start() {
        requireFree(settings.port(), "kafka.embedded.port");
        requireFree(settings.controllerPort(), "kafka.embedded.controllerPort");
        Path dataDir = Path.of(settings.dataDir()).toAbsolutePath();
        Path logDir = dataDir.resolve("logs");
        try {
            Files.createDirectories(logDir);
            String clusterId = clusterId(dataDir);
            Properties props = brokerProperties(logDir);
            KafkaConfig config = KafkaConfig.fromProps(props, false);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setNodeId(1)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
        } catch (IOException e) {
            throw new BrokerStartException("cannot use " + dataDir + " for the embedded Kafka broker: " + e.getMessage()
                    + " (set kafka.embedded.dataDir to a writable directory)", e);
        } catch (Exception e) {
            throw new BrokerStartException("the embedded Kafka broker did not start: " + e.getMessage()
                    + " (if its data in " + dataDir + " is from another Kafka version or damaged, move it away)", e);
        }
        log.info("Embedded Kafka broker listening on {} (data in {})", bootstrapServers(), dataDir);
        return this;
    }

    /** {@code localhost:port}, for clients. */
    public String bootstrapServers() {
        return "localhost:" + settings.port();
    }

    private Properties brokerProperties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + settings.controllerPort());
        p.put("listeners", "PLAINTEXT://localhost:" + settings.port() + "," + CONTROLLER + "://localhost:"
                + settings.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + settings.port());
        p.put("controller.listener.names", CONTROLLER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.retention.hours", "-1");
        return p;
    }

    private static String clusterId(Path dataDir) throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id, StandardCharsets.UTF_8);
        return id;
    }

    private static void requireFree(int port, String key) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new BrokerStartException("port " + port + " is already in use, so the embedded Kafka broker cannot"
                    + " start: stop what uses it, set " + key + " to a free port, or point Raqib at a running cluster"
                    + " with --bootstrap-servers", e);
        }
    }

    /** Stops the broker and waits for it; its data stays for the next start. */
    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            log.info("Embedded Kafka broker stopped");
        }
    }

    /** The broker could not start; the message says what to do. */
    public static final class BrokerStartException extends RuntimeException {
        BrokerStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

}

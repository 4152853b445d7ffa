package org.raqib.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.raqib.app.broker.EmbeddedKafkaBroker;
import org.raqib.core.config.ConfigLoader;
import org.raqib.core.config.EmbeddedBrokerSettings;
import org.raqib.core.io.Directories;
import org.raqib.core.kafka.KafkaClients;

/**
 * The Kafka a benchmark runs against: the cluster given by {@code --bootstrap-servers}, or else a scratch embedded
 * broker on free ports in a temporary directory, so a benchmark never touches a running {@code raqib run}'s data and
 * leaves nothing behind. Also owns the scratch directories of the services a benchmark runs.
 */
final class BenchKafka implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final KafkaClients clients;
    private final Path scratch;

    private BenchKafka(EmbeddedKafkaBroker broker, KafkaClients clients, Path scratch) {
        this.broker = broker;
        this.clients = clients;
        this.scratch = scratch;
    }

    /** Connects to {@code bootstrapServers}, or starts a scratch broker when it is null or blank. */
    static BenchKafka open(String bootstrapServers) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("raqib-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory for the benchmark: " + e.getMessage(), e);
        }
        var kafka = ConfigLoader.defaultConfig().kafka();
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            return new BenchKafka(null, new KafkaClients(bootstrapServers, kafka), scratch);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(new EmbeddedBrokerSettings(
                scratch.resolve("kafka").toString(), freePort(), freePort())).start();
        return new BenchKafka(broker, new KafkaClients(broker.bootstrapServers(), kafka), scratch);
    }

    KafkaClients clients() {
        return clients;
    }

    /** A directory of the scratch area, for state stores or service files; removed at close. */
    Path workDir(String name) {
        return scratch.resolve(name);
    }

    /** Whether the benchmark runs on the scratch embedded broker. */
    boolean embedded() {
        return broker != null;
    }

    @Override
    public void close() throws IOException {
        if (broker != null) {
            broker.close();
        }
        Directories.deleteTree(scratch);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the scratch broker: " + e.getMessage(), e);
        }
    }
}

package org.raqib.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.raqib.core.config.StreamsSettings;
import org.raqib.core.config.TopicsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RaqibTopology} as one Kafka Streams instance: configuration, start, state, metrics and close.
 * Instances started with the same application id share the partitions; state moves with them through changelogs.
 * An instance that serves queries advertises its HTTP address ({@code application.server}), so that every instance
 * knows where the others' stores are.
 */
public final class StreamsService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsService.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;

    /**
     * An instance that serves no queries (benchmarks, tests).
     *
     * @param topology the topology, from {@link RaqibTopology#build()}
     * @param clientProperties base client properties (bootstrap servers and pass-through settings)
     * @param settings this service's settings
     * @param topics replication of internal topics follows the configured topics
     * @param registry where the Streams client's metrics are bound
     */
    public StreamsService(Topology topology, Map<String, Object> clientProperties, StreamsSettings settings,
            TopicsSettings topics, MeterRegistry registry) {
        this(topology, clientProperties, settings, topics, registry, Optional.empty());
    }

    /**
     * An instance whose query endpoints the other instances reach at {@code advertised}.
     *
     * @param topology the topology, from {@link RaqibTopology#build()}
     * @param clientProperties base client properties (bootstrap servers and pass-through settings)
     * @param settings this service's settings
     * @param topics replication of internal topics follows the configured topics
     * @param registry where the Streams client's metrics are bound
     * @param advertised host and port of this instance's HTTP server, as the other instances reach it
     */
    public StreamsService(Topology topology, Map<String, Object> clientProperties, StreamsSettings settings,
            TopicsSettings topics, MeterRegistry registry, HostInfo advertised) {
        this(topology, clientProperties, settings, topics, registry,
                Optional.of(Objects.requireNonNull(advertised, "advertised")));
    }

    private StreamsService(Topology topology, Map<String, Object> clientProperties, StreamsSettings settings,
            TopicsSettings topics, MeterRegistry registry, Optional<HostInfo> advertised) {
        Objects.requireNonNull(topology, "topology");
        this.streams = new KafkaStreams(topology, properties(clientProperties, settings, topics, advertised));
        this.streams.setStateListener((now, before) -> log.info("Streams {} -> {}", before, now));
        this.streams.setUncaughtExceptionHandler(e -> {
            log.error("Stream thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
        this.metrics = new KafkaStreamsMetrics(streams);
        this.metrics.bindTo(registry);
    }

    static Properties properties(Map<String, Object> clientProperties, StreamsSettings settings, TopicsSettings topics,
            Optional<HostInfo> advertised) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        // Shared with the group at every rebalance: how the other instances find this one's stores.
        advertised.ifPresent(host -> props.put(StreamsConfig.APPLICATION_SERVER_CONFIG,
                (host.host().contains(":") ? "[" + host.host() + "]" : host.host()) + ":" + host.port()));
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Internal topics (changelogs, repartitions) are as durable as Raqib's own.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, topics.replicationFactor());
        props.put(StreamsConfig.topicPrefix("min.insync.replicas"), String.valueOf(topics.minInsyncReplicas()));
        // Under exactly-once, a commit is what exposes results to read_committed readers: it bounds latency.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // Every task reads one partition (RaqibTopologyTest checks), so there is never another partition to wait for.
        // Disabling the wait skips Kafka 4.3's readiness check, which formats log lines for each idle task on every
        // loop whether or not they are logged (KAFKA-19682): 4% of a profile's samples at 200 articles/s.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        return props;
    }

    /** Starts processing in the background. */
    public StreamsService start() {
        streams.start();
        return this;
    }

    /** The Streams client's state. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Whether the instance processes records now. */
    public boolean running() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** The client, for interactive queries. */
    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        metrics.close();
        streams.close(Duration.ofSeconds(30));
    }
}

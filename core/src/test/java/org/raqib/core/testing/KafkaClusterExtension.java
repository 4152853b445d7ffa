package org.raqib.core.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.raqib.core.kafka.Topic;

/**
 * A real Kafka cluster for integration tests, shared by the tests of one class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();
 * }</pre>
 *
 * <p>By default it starts Kafka's own KRaft broker inside the test JVM ({@link KafkaClusterTestKit}), one combined
 * controller/broker node or three brokers on request, on random ports with temporary directories. With
 * {@code -Draqib.kafka=testcontainers} it starts the {@code apache/kafka} image instead, and aborts the class's tests
 * with a named reason when no Docker engine is reachable, so the same tests run wherever Docker exists.
 */
public final class KafkaClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private static final String IMAGE = "apache/kafka:4.1.0";

    private final int brokers;
    private KafkaClusterTestKit embedded;
    private AutoCloseable container;
    private String bootstrapServers;

    private KafkaClusterExtension(int brokers) {
        this.brokers = brokers;
    }

    /** One combined KRaft node: enough for nearly every test. */
    public static KafkaClusterExtension singleBroker() {
        return new KafkaClusterExtension(1);
    }

    /** Three brokers and one controller, for replication and failure tests. */
    public static KafkaClusterExtension threeBrokers() {
        return new KafkaClusterExtension(3);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String mode = System.getProperty("raqib.kafka", "embedded").toLowerCase(Locale.ROOT);
        switch (mode) {
            case "embedded" -> startEmbedded();
            case "testcontainers" -> startContainer();
            default -> throw new IllegalArgumentException(
                    "raqib.kafka must be 'embedded' or 'testcontainers', got '" + mode + "'");
        }
    }

    private void startEmbedded() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(brokers == 1)
                .setNumControllerNodes(1)
                .setNumBrokerNodes(brokers)
                .build();
        int replicas = Math.min(3, brokers);
        embedded = new KafkaClusterTestKit.Builder(nodes)
                // A small cluster must lower the internal topics' replication or groups and transactions never form.
                .setConfigProp("offsets.topic.replication.factor", String.valueOf(replicas))
                .setConfigProp("offsets.topic.num.partitions", "4")
                .setConfigProp("transaction.state.log.replication.factor", String.valueOf(replicas))
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "4")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        embedded.format();
        embedded.startup();
        embedded.waitForReadyBrokers();
        bootstrapServers = embedded.bootstrapServers();
    }

    private void startContainer() throws Exception {
        boolean docker;
        try {
            docker = org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
        }
        Assumptions.assumeTrue(docker,
                "raqib.kafka=testcontainers was asked for, but no Docker engine is reachable here; "
                        + "run without -Draqib.kafka to use the in-JVM KRaft broker");
        Assumptions.assumeTrue(brokers == 1,
                "the Testcontainers mode runs a single broker; three-broker tests run on the in-JVM cluster");
        var kafka = new org.testcontainers.kafka.KafkaContainer(IMAGE);
        kafka.start();
        container = kafka;
        bootstrapServers = kafka.getBootstrapServers();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
        if (container != null) {
            container.close();
            container = null;
        }
    }

    /** {@code host:port,...} of the running cluster. */
    public String bootstrapServers() {
        return Objects.requireNonNull(bootstrapServers, "the cluster is not running: register the extension as a static field");
    }

    /** Number of brokers. */
    public int brokers() {
        return brokers;
    }

    /** A new admin client; close it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates {@code topics} with {@code partitions} partitions each and full replication. */
    public void createTopics(int partitions, Topic<?, ?>... topics) {
        try (Admin admin = admin()) {
            List<org.apache.kafka.clients.admin.NewTopic> newTopics = java.util.Arrays.stream(topics)
                    .map(t -> new org.apache.kafka.clients.admin.NewTopic(t.name(), partitions, (short) Math.min(3, brokers))
                            .configs(Map.of("cleanup.policy", t.cleanupPolicy())))
                    .toList();
            admin.createTopics(newTopics).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test topics", e);
        }
    }

    /** Basic client properties, with a unique client id. */
    public Properties clientProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /** A producer for {@code topic}'s types; close it. */
    public <K, V> KafkaProducer<K, V> producer(Topic<K, V> topic) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** Sends {@code value} to {@code topic} and waits for the acknowledgement. */
    public <K, V> void send(Topic<K, V> topic, K key, V value) {
        try (KafkaProducer<K, V> producer = producer(topic)) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic.name(), e);
        }
    }

    /** A consumer for {@code topic}'s types in a fresh group, reading from the beginning; close it. */
    public <K, V> KafkaConsumer<K, V> consumer(Topic<K, V> topic) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<K, V> consumer =
                new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        consumer.subscribe(List.of(topic.name()));
        return consumer;
    }

    /**
     * Reads {@code topic} from the beginning until {@code count} records arrived or {@code deadline} passed, and
     * returns what arrived (committed records only). Assert on the result; never on how long it took.
     */
    public <K, V> List<ConsumerRecord<K, V>> readAtLeast(Topic<K, V> topic, int count, Duration deadline) {
        List<ConsumerRecord<K, V>> records = new java.util.ArrayList<>();
        long end = System.nanoTime() + deadline.toNanos();
        try (KafkaConsumer<K, V> consumer = consumer(topic)) {
            while (records.size() < count && System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Sum of end offsets of {@code topic}'s partitions. */
    public long endOffsets(String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final AtomicInteger IDS = new AtomicInteger();

    /** A unique name for a consumer group, application id or temporary topic in one test run. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + IDS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

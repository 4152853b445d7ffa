package org.raqib.alerts.history;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.raqib.core.kafka.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one topic from its beginning and then follows it, handing each decoded record to a
 * sink, on its own named thread. No consumer group: every instance reads everything, which is what a view that
 * any instance can serve needs (the same reason Kafka Streams has global tables). Records that cannot be decoded
 * are skipped with a warning — they are still in the topic, which stays the system of record.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TopicReplay<K, V> implements AutoCloseable {

    /** Receives records in offset order per partition; a null value is a tombstone. */
    @FunctionalInterface
    public interface Sink<K, V> {
        /** Called on the replay thread for each record. */
        void accept(int partition, long offset, K key, V value);
    }

    private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);

    private final Topic<K, V> topic;
    private final Sink<K, V> sink;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean closed;

    /**
     * A replay of {@code topic} with the Kafka client properties {@code kafka} (bootstrap servers and
     * pass-through) that hands on each record as soon as it is written; call {@link #start()} to begin.
     */
    public TopicReplay(Topic<K, V> topic, Map<String, Object> kafka, Sink<K, V> sink) {
        this(topic, kafka, Duration.ZERO, sink);
    }

    /**
     * A replay of {@code topic} that may fall up to {@code batching} behind it once caught up: the broker holds each
     * fetch until that much time has passed (or a megabyte has gathered), so a busy topic costs a few fetches a
     * second instead of one per record or two. Zero hands on each record as soon as it is written.
     */
    public TopicReplay(Topic<K, V> topic, Map<String, Object> kafka, Duration batching, Sink<K, V> sink) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.sink = Objects.requireNonNull(sink, "sink");
        if (batching.isNegative() || batching.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batching must be between 0 and " + Integer.MAX_VALUE + " ms, got "
                    + batching);
        }
        Map<String, Object> props = new HashMap<>(kafka);
        if (!batching.isZero()) {
            props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20);
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) batching.toMillis());
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "raqib-replay-" + topic.name());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "raqib-replay-" + topic.name());
        this.thread.setDaemon(true);
    }

    /** Starts reading on the replay thread. */
    public synchronized void start() {
        if (!closed) {
            thread.start();
        }
    }

    /** Whether every record present when reading began has been handed to the sink. */
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits up to {@code timeout} for {@link #caughtUp()}; returns whether it is. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    deliver(record);
                }
                if (caughtUp.getCount() > 0) {
                    end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                    if (end.isEmpty()) {
                        caughtUp.countDown();
                        log.info("Caught up with {}", topic.name());
                    }
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer: the normal way out of poll().
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                log.error("Stopped reading {}; the view it feeds is no longer updated", topic.name(), e);
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> partitions() throws InterruptedException {
        while (!closed) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name());
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            log.warn("Topic {} does not exist yet; waiting for it (run 'raqib topics create')", topic.name());
            Thread.sleep(1000);
        }
        throw new WakeupException();
    }

    private void deliver(ConsumerRecord<byte[], byte[]> record) {
        K key;
        V value;
        try {
            key = record.key() == null ? null : topic.keySerde().deserializer().deserialize(topic.name(), record.key());
            value = record.value() == null
                    ? null
                    : topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
        } catch (RuntimeException e) {
            log.warn("Skipping undecodable record {}-{}@{}: {}", topic.name(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        sink.accept(record.partition(), record.offset(), key, value);
    }

    /** Stops reading and waits for the thread to end. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (!thread.isAlive() && thread.getState() == Thread.State.NEW) {
                consumer.close(Duration.ofSeconds(5));
                return;
            }
        }
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

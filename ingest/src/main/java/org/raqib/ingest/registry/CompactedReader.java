package org.raqib.ingest.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.raqib.core.kafka.KafkaClients;
import org.raqib.core.kafka.LenientDeserializer;
import org.raqib.core.kafka.Topic;

/**
 * Reads partitions of a compacted topic (a table keyed by id) to their committed end, without a consumer group:
 * {@code raqib.feeds} for the registry, {@code raqib.feed-state} for the registry and the ingest workers. A value
 * that does not decode reads as a tombstone ({@link LenientDeserializer}) and a record without a key is skipped, so
 * another tool's bad record cannot stop a read. One reader per use, on one thread; close it.
 *
 * @param <V> the topic's value type
 */
public final class CompactedReader<V> implements AutoCloseable {

    /** How long a topic that does not show up in the metadata is waited for. */
    static final Duration METADATA_WAIT = Duration.ofSeconds(5);

    private final Topic<String, V> topic;
    private final Duration timeout;
    private final KafkaConsumer<String, V> consumer;

    /**
     * A reader of {@code topic}, seeing committed records only.
     *
     * @param clientId names the reader to the brokers
     * @param timeout how long one call may take before it fails
     */
    public CompactedReader(KafkaClients clients, String clientId, Topic<String, V> topic, Duration timeout) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        Map<String, Object> props = clients.properties();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, Objects.requireNonNull(clientId, "clientId"));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A start offset that compaction has removed means "from the first record still there".
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        // Asking for a missing topic must not create it with the broker's defaults (not compacted).
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
                new LenientDeserializer<>(topic.valueSerde().deserializer()));
    }

    /**
     * The topic's partition count, or empty if the topic does not exist. A topic created a moment ago may not have
     * reached every broker's metadata yet, so an absent topic is asked for again for up to {@link #METADATA_WAIT}.
     */
    public Optional<Integer> partitionCount() {
        long deadline = System.nanoTime() + Math.min(timeout.toNanos(), METADATA_WAIT.toNanos());
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), timeout);
            if (infos != null && !infos.isEmpty()) {
                return Optional.of(infos.size());
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * Reads each partition in {@code from} from its offset there (0 for the beginning) to the end committed when the
     * read starts, handing every record, tombstones included, to {@code apply} in offset order per partition.
     *
     * @return per partition, the offset where the next read of it should start
     * @throws IllegalStateException if the read takes longer than the timeout
     */
    public Map<Integer, Long> read(Map<Integer, Long> from, Consumer<ConsumerRecord<String, V>> apply) {
        List<TopicPartition> partitions = from.keySet().stream().sorted()
                .map(p -> new TopicPartition(topic.name(), p)).toList();
        consumer.assign(partitions);
        for (TopicPartition tp : partitions) {
            long offset = from.get(tp.partition());
            if (offset <= 0) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, offset);
            }
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading " + topic.name() + " partitions " + from.keySet()
                        + " took longer than " + timeout + "; is the cluster healthy?");
            }
            for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key() != null) {
                    apply.accept(record);
                }
            }
        }
        Map<Integer, Long> next = new TreeMap<>();
        partitions.forEach(tp -> next.put(tp.partition(), consumer.position(tp, timeout)));
        return next;
    }

    @Override
    public void close() {
        consumer.close();
    }
}

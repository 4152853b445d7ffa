package org.raqib.streams.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The records of a topic whose timestamps fall in {@code [from, to)}, read with a plain consumer that is
 * {@code assign}ed its partitions: no consumer group, no committed offsets, so live groups are untouched. Each
 * partition starts at {@code offsetsForTimes(from)} and stops at the end offset it had when reading began, so the
 * read is bounded even while ingest keeps writing. Imported history is not in timestamp order, so records past the
 * start that fall outside the range are skipped, not taken as the end.
 *
 * <p>With a limit, each partition is read only over its newest offsets, so a short "try it" over recent days stays
 * bounded however busy the topic was.
 */
public final class ArticleRange implements ArticleSource {

    private final Map<String, Object> clientProperties;
    private final String topic;
    private final Instant from;
    private final Instant to;
    private final long limit;

    /**
     * @param clientProperties base client properties (bootstrap servers, security)
     * @param topic the topic to read, normally {@code raqib.articles}
     * @param from first timestamp, inclusive
     * @param to last timestamp, exclusive
     */
    public ArticleRange(Map<String, Object> clientProperties, String topic, Instant from, Instant to) {
        this(clientProperties, topic, from, to, Long.MAX_VALUE);
    }

    /**
     * The newest records of the range, at most {@code limit} of them: each partition is read from no earlier than
     * its end offset minus its share of the limit. Offsets held by transaction markers count towards the share, so
     * a limited read may give somewhat fewer records.
     *
     * @param limit the most records to read, at least 1
     */
    public ArticleRange(Map<String, Object> clientProperties, String topic, Instant from, Instant to, long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.clientProperties = Map.copyOf(clientProperties);
        this.topic = Objects.requireNonNull(topic, "topic");
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
        }
    }

    @Override
    public void forEach(Consumer<ArticleRecord> each) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist; run 'raqib topics' to check the cluster");
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query, Duration.ofSeconds(30));
            Map<TopicPartition, Long> remaining = new HashMap<>();
            long share = limit == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, limit / partitions.size());
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp start = starts.get(p);
                long end = ends.getOrDefault(p, 0L);
                if (start == null || start.offset() >= end) {
                    continue;
                }
                consumer.seek(p, share == Long.MAX_VALUE ? start.offset() : Math.max(start.offset(), end - share));
                remaining.put(p, end);
            }
            consumer.assign(remaining.keySet());
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition p = new TopicPartition(r.topic(), r.partition());
                    Long end = remaining.get(p);
                    if (end == null || r.offset() >= end) {
                        continue;
                    }
                    if (r.value() != null && r.timestamp() >= from.toEpochMilli() && r.timestamp() < to.toEpochMilli()) {
                        each.accept(new ArticleRecord(r.key(), r.value(), Instant.ofEpochMilli(r.timestamp())));
                    }
                }
                // Position, not the last record: transaction markers occupy offsets too.
                for (TopicPartition p : List.copyOf(remaining.keySet())) {
                    if (consumer.position(p) >= remaining.get(p)) {
                        remaining.remove(p);
                    }
                }
                consumer.assign(remaining.keySet());
            }
        }
    }
}

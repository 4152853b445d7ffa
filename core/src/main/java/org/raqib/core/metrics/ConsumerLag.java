package org.raqib.core.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.raqib.core.config.RaqibConfig;

/**
 * Reads how far Raqib's consumer groups are behind: committed offsets (Admin {@code listConsumerGroupOffsets})
 * against the partitions' end offsets, summed per topic. Used by {@link ConsumerLagMeter} and {@code raqib status}.
 * Does not own the {@link Admin}; not thread-safe beyond what the Admin client is (it is).
 */
public final class ConsumerLag {

    /**
     * Records one group still has to consume from one topic.
     *
     * @param group consumer group (or Streams application id)
     * @param topic topic name
     * @param lag sum over the group's committed partitions of end offset minus committed offset
     */
    public record Entry(String group, String topic, long lag) {}

    private final Admin admin;
    private final long timeoutMillis;

    /**
     * @param admin a connected Admin client, owned by the caller
     * @param timeoutMillis how long each Admin call may take before {@link #read} gives up
     */
    public ConsumerLag(Admin admin, long timeoutMillis) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * The consumer groups a Raqib deployment with this configuration runs: ingest workers, the Streams
     * application, the alert fan-out, dispatcher and delivery ledger.
     */
    public static List<String> groupsOf(RaqibConfig config) {
        String alerts = config.alerts().groupId();
        return List.of(config.ingest().groupId(), config.streams().applicationId(), alerts, alerts + "-dispatch",
                alerts + "-delivery");
    }

    /**
     * Lag of each group on each topic it has committed offsets for, in group order; groups with no commits are
     * absent.
     *
     * @throws KafkaException when Kafka does not answer in time, with a message saying what to check
     */
    public List<Entry> read(List<String> groups) {
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
        try {
            var result = admin.listConsumerGroupOffsets(specs);
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> offsets =
                        result.partitionsToOffsetAndMetadata(group).get(timeoutMillis, TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
                offsets.forEach((tp, om) -> {
                    if (om != null) {
                        present.put(tp, om);
                        partitions.put(tp, OffsetSpec.latest());
                    }
                });
                committed.put(group, present);
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = partitions.isEmpty() ? Map.of()
                    : admin.listOffsets(partitions).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
            List<Entry> entries = new ArrayList<>();
            for (String group : groups) {
                Map<String, Long> byTopic = new TreeMap<>();
                committed.get(group).forEach((tp, om) -> {
                    var end = ends.get(tp);
                    long lag = end == null ? 0 : Math.max(0, end.offset() - om.offset());
                    byTopic.merge(tp.topic(), lag, Long::sum);
                });
                byTopic.forEach((topic, lag) -> entries.add(new Entry(group, topic, lag)));
            }
            return entries;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while reading consumer lag", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot read consumer offsets of " + groups
                    + " within " + timeoutMillis + " ms; check that Kafka is reachable (" + e.getMessage() + ")", e);
        }
    }
}

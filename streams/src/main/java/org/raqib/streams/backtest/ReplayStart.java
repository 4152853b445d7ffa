package org.raqib.streams.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Replay by a new Streams application id: commits, for a consumer group that has never run, the offsets of
 * {@code raqib.articles} at the start of the range, so that {@code raqib streams} started with that application id
 * begins there (the same thing {@code kafka-streams-application-reset --to-datetime} does for an existing one).
 * A group that already has members or offsets is refused: resetting a live group is the reset tool's job.
 */
public final class ReplayStart {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    public ReplayStart(Admin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    /** Commits the start offsets for {@code applicationId} on {@code topic}; returns them by partition. */
    public Map<TopicPartition, Long> prepare(String applicationId, String topic, Instant from) {
        try {
            Map<TopicPartition, OffsetAndMetadata> existing = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (existing != null && !existing.isEmpty()) {
                throw new IllegalStateException("application id " + applicationId + " has run before; choose a new one,"
                        + " or reset it with kafka-streams-application-reset --application-id " + applicationId
                        + " --input-topics " + topic + " --to-datetime " + from);
            }
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .get(topic).partitions();
            Map<TopicPartition, OffsetSpec> query = new HashMap<>();
            partitions.forEach(p -> query.put(new TopicPartition(topic, p.partition()), OffsetSpec.forTimestamp(from.toEpochMilli())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> byTime = admin.listOffsets(query).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            query.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            Map<TopicPartition, Long> starts = new HashMap<>();
            for (TopicPartition p : query.keySet()) {
                long offset = byTime.get(p).offset();
                long start = offset < 0 ? ends.get(p).offset() : offset;
                commit.put(p, new OffsetAndMetadata(start, "raqib replay from " + from));
                starts.put(p, start);
            }
            admin.alterConsumerGroupOffsets(applicationId, commit).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return starts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the replay", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot prepare application id " + applicationId + " for a replay: "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }
}

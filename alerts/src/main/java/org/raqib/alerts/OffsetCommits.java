package org.raqib.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets a consumer has finished with, committed at most once per interval instead of after every poll. At a
 * hundred records a second a poll mostly returns one record, so a commit per poll was one more broker request, and
 * one more append to {@code __consumer_offsets}, for every record. Still at-least-once: only offsets whose work is
 * done (written and acknowledged) are recorded; a partition being revoked has its offsets committed at once, so the
 * next owner starts where this one stopped; after a crash at most one interval of records is processed again.
 *
 * <p>Used on the consumer's own thread only (it is also the consumer's rebalance listener); not thread-safe.
 */
public final class OffsetCommits implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(OffsetCommits.class);

    private final Consumer<?, ?> consumer;
    private final Duration interval;
    private final Clock clock;
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private Instant last;

    /**
     * @param consumer the consumer whose offsets these are
     * @param interval the least time between two commits
     * @param clock when commits happen
     */
    public OffsetCommits(Consumer<?, ?> consumer, Duration interval, Clock clock) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.last = clock.instant();
    }

    /** Records that every record of {@code records} is done with; commits if the interval has passed. */
    public void done(ConsumerRecords<?, ?> records) {
        for (TopicPartition partition : records.partitions()) {
            List<? extends ConsumerRecord<?, ?>> ofPartition = records.records(partition);
            long next = ofPartition.get(ofPartition.size() - 1).offset() + 1;
            pending.put(partition, new OffsetAndMetadata(next));
        }
        Instant now = clock.instant();
        if (!pending.isEmpty() && !now.isBefore(last.plus(interval))) {
            commit(now);
        }
    }

    /** Commits what is done and not yet committed, now. */
    public void commitNow() {
        if (!pending.isEmpty()) {
            commit(clock.instant());
        }
    }

    /**
     * Commits what is done when the consumer stops, unless the commit fails: then the records since the last commit
     * are read again at the next start, as after a crash.
     */
    public void commitOnStop() {
        try {
            try {
                commitNow();
            } catch (WakeupException e) {
                // The close that stops the consumer woke it outside poll(); the wake-up is spent, so commit again.
                commitNow();
            }
        } catch (KafkaException e) {
            log.warn("Cannot commit offsets {} on stopping; those records are processed again at the next start",
                    pending, e);
        }
    }

    private void commit(Instant now) {
        consumer.commitSync(Map.copyOf(pending));
        pending.clear();
        last = now;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> leaving = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = pending.remove(partition);
            if (offset != null) {
                leaving.put(partition, offset);
            }
        }
        if (!leaving.isEmpty()) {
            try {
                consumer.commitSync(leaving);
            } catch (KafkaException e) {
                log.warn("Cannot commit offsets {} of revoked partitions; their new owner processes those records again",
                        leaving, e);
            }
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // Nothing to do: the committed offsets are where the consumer resumes.
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        // Another member may own them already; committing could move its position back.
        partitions.forEach(pending::remove);
    }
}

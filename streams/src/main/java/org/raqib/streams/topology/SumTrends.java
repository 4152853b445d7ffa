package org.raqib.streams.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.RuleHit;

/**
 * Adds up one task's trend counts per subject and {@code bucket} (the shortest trend window) before they cross the
 * trend-subject repartition, and forwards the sums every {@code flushInterval} of wall-clock time: the repartition
 * then carries one record per subject and bucket per flush instead of one per article and subject. A subject is
 * {@code entity:<id>} (counting its mentions) or {@code rule:<id>} (counting 1 per matching article).
 *
 * <p>Each forwarded sum carries the latest timestamp of the articles it adds up, so it falls into the same hourly and
 * daily windows as they would have (every longer trend window is a whole number of buckets), and the windowed sums
 * downstream, their timestamps and the final counts are the same as with one record per article.
 *
 * <p>Exactly-once: sums not yet forwarded live in {@link #STORE}, a changelogged store written in the same
 * transaction as the input offsets, so at every commit each consumed article is either in a stored sum or in a
 * forwarded one, never both. After a crash the transaction aborts, the store is restored to the last commit and the
 * articles after it are processed again; a sum forwarded in the aborted transaction is never seen downstream.
 * The store's cache (when Streams has one) coalesces its changelog writes to one per sum and commit.
 */
final class SumTrends implements Processor<String, Analysed, String, Long> {

    static final String STORE = "raqib-trend-sums-store";

    private final long bucketMillis;
    private final Duration flushInterval;
    private ProcessorContext<String, Long> context;
    private TimestampedKeyValueStore<String, Long> sums;

    SumTrends(Duration bucket, Duration flushInterval) {
        this.bucketMillis = bucket.toMillis();
        this.flushInterval = flushInterval;
    }

    @Override
    public void init(ProcessorContext<String, Long> context) {
        this.context = context;
        this.sums = context.getStateStore(STORE);
        // Wall-clock time: sums must leave even when no further article arrives to move stream time on.
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    @Override
    public void process(Record<String, Analysed> record) {
        long bucket = Math.floorDiv(record.timestamp(), bucketMillis) * bucketMillis;
        for (EntityHit e : record.value().entities()) {
            add(bucket, "entity:" + e.id(), e.mentions().size(), record.timestamp());
        }
        for (RuleHit r : record.value().rules()) {
            add(bucket, "rule:" + r.id(), 1, record.timestamp());
        }
    }

    private void add(long bucket, String subject, long count, long timestamp) {
        String key = bucket + ":" + subject;
        ValueAndTimestamp<Long> sum = sums.get(key);
        sums.put(key, sum == null ? ValueAndTimestamp.make(count, timestamp)
                : ValueAndTimestamp.make(sum.value() + count, Math.max(sum.timestamp(), timestamp)));
    }

    /** Forwards every stored sum, oldest bucket first, and empties the store. */
    private void flush() {
        List<KeyValue<String, ValueAndTimestamp<Long>>> pending = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<Long>> all = sums.all()) {
            all.forEachRemaining(pending::add);
        }
        // A fixed order whatever the store type: bucket, then subject.
        pending.sort(Comparator.<KeyValue<String, ValueAndTimestamp<Long>>>comparingLong(kv -> bucketOf(kv.key))
                .thenComparing(kv -> kv.key));
        for (KeyValue<String, ValueAndTimestamp<Long>> kv : pending) {
            sums.delete(kv.key);
            String subject = kv.key.substring(kv.key.indexOf(':') + 1);
            context.forward(new Record<>(subject, kv.value.value(), kv.value.timestamp()));
        }
    }

    private static long bucketOf(String key) {
        return Long.parseLong(key, 0, key.indexOf(':'), 10);
    }
}

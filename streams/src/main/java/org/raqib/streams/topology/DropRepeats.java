package org.raqib.streams.topology;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.raqib.core.model.Article;

/**
 * Drops an article whose id was already seen within the dedupe window. The window store keeps one entry per id
 * and expires them with the window, so its size is bounded by the articles of one window.
 *
 * <p>Entries are stored at their timestamp rounded down to a {@link #bucket(Duration) bucket}, with the exact
 * timestamp as the value, and the window is checked on that value. Why: a window store fetch visits every distinct
 * stored timestamp in the range (the in-memory store of backtests does one map lookup per timestamp), so exact
 * timestamps made a fetch cost as many lookups as there were articles in two weeks; buckets bound it to a few
 * dozen. Entries written with exact timestamps by earlier versions lie inside the fetched range and are still found.
 */
final class DropRepeats implements FixedKeyProcessor<String, Article, Article> {

    static final String STORE = "raqib-dedupe-store";

    private final Duration window;
    private final long bucketMillis;
    private final Counter duplicates;
    private FixedKeyProcessorContext<String, Article> context;
    private WindowStore<String, Long> seen;

    DropRepeats(Duration window, Counter duplicates) {
        this.window = window;
        this.bucketMillis = Math.max(1, bucket(window).toMillis());
        this.duplicates = duplicates;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        String id = record.value().id();
        long ts = record.timestamp();
        long w = window.toMillis();
        // The epoch-millisecond overload: the Instant one formats an error message for every call, just in case.
        try (WindowStoreIterator<Long> earlier = seen.fetch(id, floor(ts - w), ts + w)) {
            while (earlier.hasNext()) {
                Long seenAt = earlier.next().value;
                if (seenAt != null && Math.abs(seenAt - ts) <= w) {
                    duplicates.increment();
                    return;
                }
            }
        }
        seen.put(id, ts, floor(ts));
        context.forward(record);
    }

    /**
     * The rounding of stored timestamps: at most a day, and never more than the window, so that an entry rounded
     * down is still within the store's retention (twice the window) while it can be a repeat.
     */
    static Duration bucket(Duration window) {
        Duration day = Duration.ofDays(1);
        return window.compareTo(day) < 0 ? window : day;
    }

    private long floor(long ts) {
        return Math.floorDiv(ts, bucketMillis) * bucketMillis;
    }
}

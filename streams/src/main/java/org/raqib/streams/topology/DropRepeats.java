package org.raqib.streams.topology;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.raqib.core.model.Article;

/**
 * Drops an article whose id was already seen within the dedupe window. The window store keeps one entry per id
 * and expires them with the window, so its size is bounded by the articles of one window.
 */
final class DropRepeats implements FixedKeyProcessor<String, Article, Article> {

    static final String STORE = "raqib-dedupe-store";

    private final Duration window;
    private final Counter duplicates;
    private FixedKeyProcessorContext<String, Article> context;
    private WindowStore<String, Long> seen;

    DropRepeats(Duration window, Counter duplicates) {
        this.window = window;
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
        try (WindowStoreIterator<Long> earlier = seen.fetch(id, Instant.ofEpochMilli(ts - window.toMillis()),
                Instant.ofEpochMilli(ts + window.toMillis()))) {
            if (earlier.hasNext()) {
                duplicates.increment();
                return;
            }
        }
        seen.put(id, ts, ts);
        context.forward(record);
    }
}

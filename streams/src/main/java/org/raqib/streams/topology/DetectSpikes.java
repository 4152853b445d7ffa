package org.raqib.streams.topology;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.raqib.core.model.Trend;

/**
 * Turns windowed counts into {@link Trend}s with a spike signal. A subject spikes when its count in the current
 * window is at least {@link #MIN_SPIKE} and at least {@link #FACTOR} times its baseline, the mean of the
 * {@code history} preceding windows (windows without mentions count as zero). A subject never seen before spikes
 * once it reaches {@link #MIN_SPIKE}: a new name appearing in several articles within the hour is news.
 */
final class DetectSpikes implements Processor<Windowed<String>, Long, String, Trend> {

    static final int MIN_SPIKE = 3;
    static final double FACTOR = 3.0;

    private final String window;
    private final long windowMillis;
    private final int history;
    private final String storeName;
    private KeyValueStore<String, TrendHistory> store;
    private ProcessorContext<String, Trend> context;

    DetectSpikes(String window, long windowMillis, int history, String storeName) {
        this.window = window;
        this.windowMillis = windowMillis;
        this.history = history;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, Trend> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<Windowed<String>, Long> record) {
        if (record.value() == null) {
            return;
        }
        String subjectAndId = record.key().key();
        long start = record.key().window().start();
        String key = subjectAndId + ":" + window;
        TreeMap<Long, Long> counts = new TreeMap<>(store.get(key) == null ? Map.of() : store.get(key).counts());
        counts.put(start, record.value());
        counts.headMap(start - history * windowMillis, false).clear();
        store.put(key, new TrendHistory(counts));

        long sum = counts.subMap(start - history * windowMillis, true, start, false).values().stream()
                .mapToLong(Long::longValue).sum();
        double baseline = sum / (double) history;
        long count = record.value();
        boolean spike = count >= MIN_SPIKE && count >= FACTOR * Math.max(baseline, 1.0);
        int colon = subjectAndId.indexOf(':');
        Trend trend = new Trend(subjectAndId.substring(0, colon), subjectAndId.substring(colon + 1), window,
                Instant.ofEpochMilli(start), count, baseline, spike);
        context.forward(new Record<>(key, trend, record.timestamp()));
    }

    /**
     * Recent window counts of one subject, the value of the spike stores.
     *
     * @param counts window start (epoch ms) to count
     */
    record TrendHistory(Map<Long, Long> counts) {
        TrendHistory {
            counts = Map.copyOf(counts);
        }
    }
}

package org.raqib.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;
import org.raqib.core.config.StreamsSettings;
import org.raqib.core.json.JsonSerde;
import org.raqib.core.kafka.Topics;
import org.raqib.core.metrics.MeterNames;
import org.raqib.core.model.Article;
import org.raqib.core.model.DeadLetter;
import org.raqib.core.model.Story;
import org.raqib.streams.stories.StoryBucketSerde;

/**
 * Builds Raqib's Kafka Streams topology: articles in, matches out.
 *
 * <pre>
 * raqib.articles ─ decode ─ drop repeats ─ analyse ─ matched only ─ by story key ═╗
 *        │                                    │                                   ║ (repartition)
 *        └─ undecodable ──────────────────────┴─ failed ──▶ raqib.dlq             ╚═ cluster stories ─▶ raqib.matches
 * raqib.rules ══▶ global rules store ──▶ LiveRules (read by analyse)
 * analyse ─ sums per entity/rule and hour ═ (repartition) ═ hourly and daily counts ─ detect spikes ─▶ raqib.trends
 * </pre>
 *
 * <p>Production ({@code StreamsService}), the topology tests and backtests all call {@link #build()}: there is one
 * topology, never a copy. Every processor and store has a stable name, so internal topic names are a contract.
 */
public final class RaqibTopology {

    /** Prefix of every processor, store and internal topic name. */
    static final String PREFIX = "raqib-";

    /**
     * How often each task forwards its summed trend counts. Trends count per hour and day, so a second's delay
     * changes nothing for their readers, while every flush costs a record per subject on the repartition topic.
     */
    public static final Duration TREND_FLUSH = Duration.ofSeconds(1);

    /**
     * Where the state stores keep their data. The store names, serdes and changelogs are the same either way, so the
     * topology and its outputs are the same; only the storage engine differs.
     */
    public enum StoreType {
        /** RocksDB on disk: state larger than memory that survives restarts. The live pipeline uses this. */
        ROCKSDB,
        /**
         * Heap maps: for backtests on {@code TopologyTestDriver}, whose state lives for one run. The driver commits
         * after every record, and a RocksDB store flushes its memtable on every commit, which dominated backtests.
         */
        IN_MEMORY
    }

    private final EntityRecognition recognition;
    private final LiveRules rules;
    private final StreamsSettings settings;
    private final Clock clock;
    private final MeterRegistry registry;
    private final StoreType storeType;

    /** The live topology, with RocksDB stores. */
    public RaqibTopology(EntityRecognition recognition, LiveRules rules, StreamsSettings settings, Clock clock,
            MeterRegistry registry) {
        this(recognition, rules, settings, clock, registry, StoreType.ROCKSDB);
    }

    /** The same topology with its stores in {@code storeType}. */
    public RaqibTopology(EntityRecognition recognition, LiveRules rules, StreamsSettings settings, Clock clock,
            MeterRegistry registry, StoreType storeType) {
        this.storeType = Objects.requireNonNull(storeType, "storeType");
        this.recognition = Objects.requireNonNull(recognition, "recognition");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = Objects.requireNonNull(registry, "registry");
        // Series at zero from the start: an alerting rule on a rate of dead letters must see 0, not nothing.
        for (String stage : List.of("decode", "analyse")) {
            registry.counter(MeterNames.DLQ_RECORDS, "stage", stage);
        }
        registry.counter(MeterNames.RULES_REJECTED);
    }

    /** The topology; call once per {@code KafkaStreams} instance or test driver. */
    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();

        // Every instance needs every rule, so rules are a global store rather than a partitioned table.
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(UpdateRules.STORE), Serdes.String(),
                                Serdes.ByteArray())
                        .withLoggingDisabled(),
                Topics.RULES.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(PREFIX + "rules-source"),
                () -> new UpdateRules(rules, registry));

        builder.addStateStore(Stores.windowStoreBuilder(
                windowStore(DropRepeats.STORE, settings.dedupeWindow().multipliedBy(2), settings.dedupeWindow()),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(ClusterStories.STORE), Serdes.String(), new StoryBucketSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(ClusterStories.STORIES), Serdes.String(), JsonSerde.of(Story.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(ClusterStories.RECENT), Serdes.String(), Topics.MATCHES.valueSerde()));

        // Values are read as bytes so that a record we cannot decode becomes a dead letter, not a dead thread.
        KStream<String, byte[]> raw = builder.stream(Topics.ARTICLES.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(PREFIX + "articles-source"));

        KStream<String, Article> articles = deadLettersOff(
                raw.processValues(() -> new DecodeArticles(clock), Named.as(PREFIX + "decode")), "decode");

        KStream<String, Analysed> analysed = deadLettersOff(articles
                        .processValues(() -> new DropRepeats(settings.dedupeWindow(),
                                registry.counter(MeterNames.ARTICLES_DUPLICATES)), Named.as(PREFIX + "drop-repeats"),
                                DropRepeats.STORE)
                        .processValues(() -> new AnalyseArticles(recognition, rules, clock, registry),
                                Named.as(PREFIX + "analyse")),
                "analyse");

        // Copies of a story can arrive on any partition; keying by the signature brings them to one store.
        analysed.filter((id, a) -> !a.rules().isEmpty(), Named.as(PREFIX + "matched-only"))
                .selectKey((id, a) -> a.storyKey(), Named.as(PREFIX + "by-story-key"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(Analysed.class))
                        .withName(PREFIX + "story-key"))
                .process(() -> new ClusterStories(settings.storyWindow(), clock, registry),
                        Named.as(PREFIX + "cluster-stories"), ClusterStories.STORE, ClusterStories.STORIES,
                        ClusterStories.RECENT)
                .to(Topics.MATCHES.name(), Produced.with(Topics.MATCHES.keySerde(), Topics.MATCHES.valueSerde())
                        .withName(PREFIX + "matches-sink"));

        countTrends(builder, analysed);
        return builder.build();
    }

    /**
     * Hourly and daily counts of entity mentions (every article) and rule matches, with a spike signal, to
     * {@code raqib.trends}. Counts are first summed per task ({@link SumTrends}), so the repartition by subject
     * carries one record per subject and hour per flush rather than one per article and subject; both window sizes
     * share that repartition.
     */
    private void countTrends(StreamsBuilder builder, KStream<String, Analysed> analysed) {
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(SumTrends.STORE), Serdes.String(), Serdes.Long())
                .withCachingEnabled());
        var bySubject = analysed
                .process(() -> new SumTrends(TrendWindow.HOUR.size, TREND_FLUSH), Named.as(PREFIX + "trend-sums"),
                        SumTrends.STORE)
                .groupByKey(Grouped.with(PREFIX + "trend-subject", Serdes.String(), Serdes.Long()));
        for (TrendWindow w : TrendWindow.values()) {
            String counts = PREFIX + "trends-" + w.label;
            String spikes = PREFIX + "spikes-" + w.label;
            builder.addStateStore(Stores.keyValueStoreBuilder(keyValueStore(spikes + "-store"),
                    Serdes.String(), JsonSerde.of(DetectSpikes.TrendHistory.class)));
            bySubject.windowedBy(TimeWindows.ofSizeAndGrace(w.size, w.grace))
                    .reduce(Long::sum, Named.as(counts + "-sum"),
                            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(counts)
                                    .withStoreType(storeType == StoreType.IN_MEMORY
                                            ? Materialized.StoreType.IN_MEMORY : Materialized.StoreType.ROCKS_DB)
                                    .withKeySerde(Serdes.String())
                                    .withValueSerde(Serdes.Long())
                                    .withRetention(w.size.multipliedBy(w.history + 1).plus(w.grace)))
                    .toStream(Named.as(counts + "-updates"))
                    .process(() -> new DetectSpikes(w.label, w.size.toMillis(), w.history, spikes + "-store"),
                            Named.as(spikes), spikes + "-store")
                    .to(Topics.TRENDS.name(), Produced.with(Topics.TRENDS.keySerde(), Topics.TRENDS.valueSerde())
                            .withName(PREFIX + "trends-" + w.label + "-sink"));
        }
    }

    private KeyValueBytesStoreSupplier keyValueStore(String name) {
        return storeType == StoreType.IN_MEMORY ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

    private WindowBytesStoreSupplier windowStore(String name, Duration retention, Duration size) {
        return storeType == StoreType.IN_MEMORY
                ? Stores.inMemoryWindowStore(name, retention, size, false)
                : Stores.persistentWindowStore(name, retention, size, false);
    }

    /**
     * The trend windows: size, how late a record may arrive, and how many earlier windows form the baseline. Each
     * size is a whole number of hours, the buckets {@link SumTrends} sums in.
     */
    private enum TrendWindow {
        HOUR("hour", Duration.ofHours(1), Duration.ofHours(6), 24),
        DAY("day", Duration.ofDays(1), Duration.ofDays(1), 14);

        final String label;
        final Duration size;
        final Duration grace;
        final int history;

        TrendWindow(String label, Duration size, Duration grace, int history) {
            this.label = label;
            this.size = size;
            this.grace = grace;
            this.history = history;
        }
    }

    /** Sends the failed outcomes of {@code stage} to the dead-letter topic and returns the good values. */
    private <T> KStream<String, T> deadLettersOff(KStream<String, Outcome<T>> outcomes, String stage) {
        var branches = outcomes.split(Named.as(PREFIX + stage + "-"))
                .branch((k, o) -> !o.ok(), Branched.as("failed"))
                .defaultBranch(Branched.as("ok"));
        branches.get(PREFIX + stage + "-failed")
                .mapValues(Outcome::deadLetter, Named.as(PREFIX + stage + "-dead-letter"))
                .peek((k, d) -> registry.counter(MeterNames.DLQ_RECORDS, "stage", d.stage()).increment(),
                        Named.as(PREFIX + stage + "-count-dead-letters"))
                .to(Topics.DLQ.name(), Produced.<String, DeadLetter>with(Topics.DLQ.keySerde(), Topics.DLQ.valueSerde())
                        .withName(PREFIX + stage + "-dlq-sink"));
        return branches.get(PREFIX + stage + "-ok")
                .mapValues(Outcome::value, Named.as(PREFIX + stage + "-value"));
    }
}

package org.raqib.streams.backtest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.raqib.core.config.StreamsSettings;
import org.raqib.core.io.Directories;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Match;
import org.raqib.core.model.Rule;
import org.raqib.streams.topology.EntityRecognition;
import org.raqib.streams.topology.LiveRules;
import org.raqib.streams.topology.RaqibTopology;

/**
 * Runs the one topology ({@link RaqibTopology#build()}) over a source of articles, in process, on Kafka Streams'
 * {@link TopologyTestDriver}: nothing is written to a broker and no consumer group is joined, so the live pipeline
 * cannot notice a backtest. Several rule sets (the candidate and its baseline) share one read of the source, each in
 * its own driver. See {@code docs/adr/0004-backtest-on-topology-test-driver.md}.
 */
public final class BacktestEngine {

    /** Matches are stamped with this instant instead of the wall clock, so that reruns are identical. */
    public static final Instant MATCHED_AT = Instant.EPOCH;

    private static final int DRAIN_EVERY = 2_000;

    /** Records handed to a rule set's thread at a time, and batches queued per thread before reading waits. */
    private static final int BATCH = 256;
    private static final int QUEUED_BATCHES = 16;

    /** Marks the end of the source on a rule set's queue. */
    private static final List<ArticleRecord> END = List.of();

    private final EntityRecognition recognition;
    private final Supplier<LiveRules> emptyRules;
    private final StreamsSettings settings;

    /**
     * @param recognition the live pipeline's entity recognition
     * @param emptyRules makes a rule book with no rules; each run gets a new one and receives its rules through the
     *     topology's own {@code raqib.rules} source, exactly as live
     * @param settings the live topology settings (dedupe and story windows)
     */
    public BacktestEngine(EntityRecognition recognition, Supplier<LiveRules> emptyRules, StreamsSettings settings) {
        this.recognition = Objects.requireNonNull(recognition, "recognition");
        this.emptyRules = Objects.requireNonNull(emptyRules, "emptyRules");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Runs every rule set of {@code ruleSets} over one read of {@code source}; results in the same order.
     *
     * <p>The calling thread reads the source and hands batches of records to one thread per rule set, each owning
     * its driver: the drivers share nothing, and each sees the records in reading order, so the results do not
     * depend on the threads.
     */
    public List<BacktestRun> run(ArticleSource source, List<List<Rule>> ruleSets, Progress progress) throws IOException {
        Objects.requireNonNull(progress, "progress");
        Path stateRoot = Files.createTempDirectory("raqib-backtest-");
        List<Pass> passes = new ArrayList<>();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, ruleSets.size()), r -> {
            Thread t = new Thread(r, "raqib-backtest-" + threads.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < ruleSets.size(); i++) {
                passes.add(new Pass(ruleSets.get(i), stateRoot.resolve("run-" + i)));
            }
            List<Future<?>> work = new ArrayList<>();
            for (Pass pass : passes) {
                work.add(executor.submit(pass::work));
            }
            long[] read = {0};
            List<ArticleRecord>[] batch = newBatch();
            source.forEach(record -> {
                batch[0].add(record);
                if (batch[0].size() == BATCH) {
                    passes.forEach(p -> p.offer(batch[0]));
                    batch[0] = newBatch()[0];
                }
                read[0]++;
                progress.update(read[0], 0);
            });
            passes.forEach(p -> p.offer(batch[0]));
            passes.forEach(p -> p.offer(END));
            for (Future<?> f : work) {
                await(f);
            }
            progress.finish();
            List<BacktestRun> runs = new ArrayList<>();
            for (Pass pass : passes) {
                runs.add(pass.finish(read[0]));
            }
            return runs;
        } finally {
            // Unblocks workers still waiting when reading failed; they see END and stop.
            passes.forEach(p -> p.queue.clear());
            passes.forEach(p -> p.queue.offer(END));
            executor.shutdown();
            awaitTermination(executor);
            passes.forEach(Pass::close);
            deleteTree(stateRoot);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ArticleRecord>[] newBatch() {
        return new List[] {new ArrayList<ArticleRecord>(BATCH)};
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the backtest ran");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("backtest failed: " + e.getCause(), e.getCause());
        }
    }

    private static void awaitTermination(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One rule set's driver. */
    private final class Pass implements AutoCloseable {
        private final List<Rule> rules;
        private final TopologyTestDriver driver;
        private final TestInputTopic<String, byte[]> articles;
        private final TestOutputTopic<String, Match> matches;
        private final TestOutputTopic<byte[], byte[]> deadLetters;
        private final TestOutputTopic<byte[], byte[]> trends;
        private final List<Match> collected = new ArrayList<>();
        private final BlockingQueue<List<ArticleRecord>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private volatile boolean failed;
        private long dead;
        private long piped;

        Pass(List<Rule> rules, Path stateDir) {
            this.rules = List.copyOf(rules);
            // In-memory stores: the same store names and outputs as live, without RocksDB's flush on every commit.
            RaqibTopology topology = new RaqibTopology(recognition, emptyRules.get(), settings,
                    Clock.fixed(MATCHED_AT, ZoneOffset.UTC), new SimpleMeterRegistry(),
                    RaqibTopology.StoreType.IN_MEMORY);
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "raqib-backtest");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "backtest.invalid:9092");
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            // The driver commits after every record, so a record cache only adds a flush per record; what it would
            // coalesce are trend updates, which a backtest drops.
            props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
            driver = new TopologyTestDriver(topology.build(), props, MATCHED_AT);
            articles = driver.createInputTopic(Topics.ARTICLES.name(), Serdes.String().serializer(),
                    Serdes.ByteArray().serializer());
            TestInputTopic<String, Rule> ruleTopic = driver.createInputTopic(Topics.RULES.name(),
                    Serdes.String().serializer(), Topics.RULES.valueSerde().serializer());
            // Rules in id order: the same rule set always builds the same rule book.
            this.rules.stream().sorted(Comparator.comparing(Rule::id))
                    .forEach(r -> ruleTopic.pipeInput(r.id(), r, MATCHED_AT));
            matches = driver.createOutputTopic(Topics.MATCHES.name(), Serdes.String().deserializer(),
                    Topics.MATCHES.valueSerde().deserializer());
            deadLetters = driver.createOutputTopic(Topics.DLQ.name(), Serdes.ByteArray().deserializer(),
                    Serdes.ByteArray().deserializer());
            trends = driver.createOutputTopic(Topics.TRENDS.name(), Serdes.ByteArray().deserializer(),
                    Serdes.ByteArray().deserializer());
        }

        /** Hands a batch to this pass's thread, waiting while it is behind; nothing is queued once it has failed. */
        void offer(List<ArticleRecord> batch) {
            if (failed && batch != END) {
                return;
            }
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the backtest ran", e);
            }
        }

        /** This pass's thread: pipes batches into the driver until {@link #END}. */
        void work() {
            try {
                for (List<ArticleRecord> batch = take(); batch != END; batch = take()) {
                    batch.forEach(this::pipe);
                }
            } catch (RuntimeException e) {
                failed = true;
                queue.clear();
                throw e;
            }
        }

        private List<ArticleRecord> take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the backtest ran", e);
            }
        }

        void pipe(ArticleRecord record) {
            articles.pipeInput(record.key(), record.value(), record.timestamp());
            if (++piped % DRAIN_EVERY == 0) {
                drain();
            }
        }

        /**
         * The driver keeps every output in memory; trends are not part of a backtest, so they are dropped. Before,
         * the wall clock moves on by a trend flush, so the trend stores are filled as live; it moves by record count,
         * not by time, so reruns stay identical.
         */
        private void drain() {
            driver.advanceWallClockTime(RaqibTopology.TREND_FLUSH);
            collected.addAll(matches.readValuesToList());
            dead += deadLetters.readValuesToList().size();
            trends.readValuesToList();
        }

        BacktestRun finish(long read) {
            drain();
            return new BacktestRun(rules, collected, read, dead);
        }

        @Override
        public void close() {
            driver.close();
        }
    }

    private static void deleteTree(Path root) {
        try {
            Directories.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the backtest's temporary state under " + root
                    + "; delete it by hand", e);
        }
    }
}

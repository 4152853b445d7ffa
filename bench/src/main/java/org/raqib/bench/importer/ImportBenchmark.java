package org.raqib.bench.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.raqib.core.config.TopicsSettings;
import org.raqib.core.kafka.Topic;
import org.raqib.core.kafka.TopicAdmin;
import org.raqib.core.kafka.Topics;
import org.raqib.streams.backtest.ArticleCleaning;
import org.raqib.streams.backtest.ArticleImporter;
import org.raqib.streams.backtest.ImportSummary;
import org.raqib.streams.backtest.Progress;

/**
 * Imports an archive with {@link ArticleImporter}, as {@code raqib import} does, several times: each run into a fresh
 * topic with {@code raqib.articles}'s settings (so every run writes every article), then once more into the last
 * topic, where every article is a duplicate (the idempotence check's cost). The first run is the JVM's first, as a
 * {@code raqib import} always is; later runs show the warmed-up rate.
 *
 * <p>Rates are per wall-clock second and per CPU-second of the whole process (importer, producer and, when the
 * broker is embedded, the broker, garbage collector and compiler): on a shared machine the first depends on the
 * neighbours, the second does not.
 */
public final class ImportBenchmark {

    /**
     * The figures of one import.
     *
     * @param topic the topic written
     * @param imported articles written
     * @param duplicates articles skipped as already on the topic
     * @param rejected records that could not be read or cleaned
     * @param seconds wall-clock time of the import (key scan, read, produce, flush)
     * @param cpuSeconds CPU time of this process meanwhile
     */
    public record Result(String topic, long imported, long duplicates, int rejected, double seconds,
            double cpuSeconds) {

        /** Articles read per second (written or skipped), as {@code raqib import} reports. */
        public double articlesPerSecond() {
            return (imported + duplicates) / seconds;
        }

        /** Articles read per CPU-second of the process. */
        public double articlesPerCpuSecond() {
            return (imported + duplicates) / cpuSeconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "topic=%s imported=%d duplicates=%d rejected=%d seconds=%.2f"
                    + " cpu_seconds=%.2f articles_per_s=%.0f articles_per_cpu_s=%.0f", topic, imported, duplicates,
                    rejected, seconds, cpuSeconds, articlesPerSecond(), articlesPerCpuSecond());
        }
    }

    private final Map<String, Object> clientProperties;
    private final TopicsSettings topics;
    private final ArticleCleaning cleaning;
    private final List<Path> archive;
    private final int readers;

    /**
     * @param clientProperties the cluster's client properties
     * @param topics how the import topics are created
     * @param cleaning the text cleaning the import applies ({@code raqib import} uses live ingest's)
     * @param archive archive files or directories
     * @param readers the importer's reading threads
     */
    public ImportBenchmark(Map<String, Object> clientProperties, TopicsSettings topics, ArticleCleaning cleaning,
            List<Path> archive, int readers) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.topics = Objects.requireNonNull(topics, "topics");
        this.cleaning = Objects.requireNonNull(cleaning, "cleaning");
        this.archive = List.copyOf(archive);
        this.readers = readers;
    }

    /**
     * {@code runs} imports into fresh topics, then the re-import of the last one; one result each, in order, also
     * handed to {@code each} as it comes.
     */
    public List<Result> run(int runs, Consumer<Result> each) throws IOException {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        List<Result> results = new ArrayList<>();
        String topic = null;
        for (int i = 1; i <= runs; i++) {
            topic = Topics.ARTICLES.name() + ".bench-" + i;
            create(topic);
            results.add(importInto(topic));
            each.accept(results.get(results.size() - 1));
        }
        results.add(importInto(topic));
        each.accept(results.get(results.size() - 1));
        return results;
    }

    private void create(String name) {
        try (Admin admin = Admin.create(new HashMap<>(clientProperties))) {
            new TopicAdmin(admin, topics).ensure(List.of(
                    new Topic<>(name, Topics.ARTICLES.keySerde(), Topics.ARTICLES.valueSerde(), Topics.ARTICLES.compacted())));
        }
    }

    private Result importInto(String topic) throws IOException {
        ArticleImporter importer = new ArticleImporter(clientProperties, topic, cleaning, readers);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        ImportSummary summary = importer.importFiles(archive, Progress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        return new Result(topic, summary.imported(), summary.duplicates(), summary.rejected().size(), seconds,
                cpuSeconds);
    }

    /**
     * CPU time of the whole process, threads that have ended included (the importer's reading threads end), to the
     * operating system's clock tick (10 ms on Linux).
     */
    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this platform does not report the process's CPU time"))
                .toNanos();
    }
}

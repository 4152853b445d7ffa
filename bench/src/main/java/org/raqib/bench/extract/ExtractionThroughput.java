package org.raqib.bench.extract;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.raqib.ingest.extract.ArticleExtractor;

/**
 * How many article pages {@link ArticleExtractor} extracts per second on one thread, and how many megabytes of HTML
 * that is. Pages are read into memory (and un-gzipped) before timing, so only parsing and extraction — title,
 * body, time, author, language — are measured; warm-up passes over all pages come first, so the JIT has compiled
 * the hot paths, then the measured passes. Both wall-clock and the thread's CPU time are reported.
 */
public final class ExtractionThroughput {

    /**
     * One page.
     *
     * @param name its file name
     * @param html its bytes, as a fetcher would hand them over
     */
    public record Page(String name, byte[] html) {

        public Page {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(html, "html");
        }
    }

    /**
     * What one run measured.
     *
     * @param pages pages extracted in the measured passes
     * @param bytes HTML bytes they held
     * @param nanos wall-clock time the measured passes took
     * @param cpuNanos CPU time the measuring thread used meanwhile; on a shared machine wall-clock time also counts
     *     the time other processes held the core, CPU time does not
     * @param bodyChars characters of body text extracted (also keeps the work from being optimised away)
     */
    public record Result(long pages, long bytes, long nanos, long cpuNanos, long bodyChars) {

        public double pagesPerSecond() {
            return pages / (nanos / 1e9);
        }

        /** Pages per second of the thread's own CPU time: what one free core would do. */
        public double pagesPerCpuSecond() {
            return pages / (cpuNanos / 1e9);
        }

        public double megabytesPerSecond() {
            return bytes / 1e6 / (nanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "pages=%d mb=%.1f seconds=%.2f cpu_seconds=%.2f pages_per_s=%.0f mb_per_s=%.2f pages_per_cpu_s=%.0f",
                    pages, bytes / 1e6, nanos / 1e9, cpuNanos / 1e9, pagesPerSecond(), megabytesPerSecond(),
                    pagesPerCpuSecond());
        }
    }

    private final List<Page> pages;
    private final ArticleExtractor extractor = new ArticleExtractor();

    /** A benchmark over {@code pages}; there must be at least one. */
    public ExtractionThroughput(List<Page> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("pages must not be empty");
        }
        this.pages = List.copyOf(pages);
    }

    /** The {@code .html} and {@code .html.gz} files of {@code dir}, in name order. */
    public static List<Page> load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("pages directory not found: " + dir
                    + " (the Article Extraction Benchmark's html/ is at ../shared/benchmarks/article-extraction/html)");
        }
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".html.gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                        pages.add(new Page(name, in.readAllBytes()));
                    }
                } else if (name.endsWith(".html") || name.endsWith(".htm")) {
                    pages.add(new Page(name, Files.readAllBytes(file)));
                }
            }
        }
        return pages;
    }

    /** Runs {@code warmupPasses} unmeasured passes over all pages, then {@code measuredPasses} measured ones. */
    public Result run(int warmupPasses, int measuredPasses) {
        if (warmupPasses < 0 || measuredPasses < 1) {
            throw new IllegalArgumentException("warmupPasses must be >= 0 and measuredPasses >= 1");
        }
        for (int i = 0; i < warmupPasses; i++) {
            pass();
        }
        long bytes = 0;
        for (Page page : pages) {
            bytes += page.html().length;
        }
        long chars = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < measuredPasses; i++) {
            chars += pass();
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        return new Result((long) pages.size() * measuredPasses, bytes * measuredPasses, nanos, cpuNanos, chars);
    }

    private long pass() {
        long chars = 0;
        for (Page page : pages) {
            URI address = URI.create("https://bench.invalid/" + page.name().replaceAll("[^A-Za-z0-9._-]", "_"));
            chars += extractor.extract(page.html(), Optional.empty(), address).body().length();
        }
        return chars;
    }
}

package org.raqib.bench.feeds;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.raqib.core.model.Article;
import org.raqib.core.model.FeedDefinition;
import org.raqib.core.model.FeedState;
import org.raqib.ingest.fetch.FetchLimits;
import org.raqib.ingest.fetch.HttpFetcher;
import org.raqib.ingest.poll.FeedPoller;
import org.raqib.ingest.parse.FeedParser;
import org.raqib.ingest.poll.FeedReader;
import org.raqib.ingest.poll.PageReader;
import org.raqib.ingest.poll.ParsedFeedReader;
import org.raqib.ingest.poll.PollResult;
import org.raqib.ingest.poll.PollSchedule;
import org.raqib.ingest.simulate.FeedSimulator;

/**
 * How many feed polls one ingest worker makes per minute against the feed simulator, most of them answered 304, and
 * the heap it uses meanwhile.
 *
 * <p>It runs the worker's poll path — {@link FeedPoller} over {@link HttpFetcher}: conditional GET, feed reading
 * when changed, state update, meters — on the worker's poll threads, as fast as the feeds can be polled (no schedule
 * waits, no per-host delay: the simulator is one local host). Every feed is polled once before timing starts, then
 * the warm-up runs, then the measured period. Kafka is left out: a worker commits one transaction per
 * round of up to {@code 4 × threads} feeds, which is measured by the ingest ITs, not here.
 */
public final class FeedPollBenchmark {

    /**
     * What to run.
     *
     * @param feeds simulated feeds (outlets)
     * @param threads poll threads of the worker
     * @param duration how long to measure, after warm-up
     * @param warmup how long to poll before measuring
     * @param newItemsPerMinute items appearing per minute across all feeds; low, so most polls are 304
     */
    public record Options(int feeds, int threads, Duration duration, Duration warmup, double newItemsPerMinute) {

        public Options {
            if (feeds < 1 || threads < 1) {
                throw new IllegalArgumentException("feeds and threads must be at least 1");
            }
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(warmup, "warmup");
        }

        /** 200 feeds, 8 threads, 10 s warm-up, 60 s measured, 60 new items per minute. */
        public static Options defaults() {
            return new Options(200, 8, Duration.ofSeconds(60), Duration.ofSeconds(10), 60);
        }
    }

    /**
     * What it measured.
     *
     * @param polls polls in the measured period
     * @param notModified of which answered 304
     * @param newItems new items found
     * @param errors failed polls
     * @param elapsed the measured period
     * @param pollsPerMinute polls per minute by this one worker
     * @param heapUsedBytes heap in use after the run, after a GC
     * @param peakHeapUsedBytes highest heap use sampled during the run
     */
    public record Result(Options options, long polls, long notModified, long newItems, long errors, Duration elapsed,
            double pollsPerMinute, long heapUsedBytes, long peakHeapUsedBytes) {

        /** Share of polls answered 304. */
        public double notModifiedShare() {
            return polls == 0 ? 0 : (double) notModified / polls;
        }
    }

    private final FeedReader reader;

    /** A benchmark reading changed feeds with the production feed parser. */
    public FeedPollBenchmark() {
        this(new ParsedFeedReader(new FeedParser()));
    }

    /** A benchmark reading changed feeds with {@code reader}. */
    public FeedPollBenchmark(FeedReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** Runs the benchmark. */
    public Result run(Options options) throws IOException, InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        FetchLimits limits = new FetchLimits("Raqib-bench/0.1", Duration.ofSeconds(5), Duration.ofSeconds(10),
                4 * 1024 * 1024, FetchLimits.MAX_REDIRECTS, options.threads(), Duration.ZERO, false);
        PageReader noPages = (html, type, uri) -> Optional.empty();
        try (FeedSimulator simulator = new FeedSimulator(corpus(options.feeds()), 0, options.newItemsPerMinute(),
                        Clock.systemUTC(), Math.max(4, options.threads()));
                HttpFetcher fetcher = new HttpFetcher(limits)) {
            FeedPoller poller = new FeedPoller(fetcher, reader, noPages, new PollSchedule(new Random(1)),
                    new SimpleMeterRegistry(), Clock.systemUTC());
            List<FeedDefinition> feeds = simulator.feeds().stream()
                    .map(f -> new FeedDefinition(f.id(), f.url(), f.title(), f.source(), f.lang(), f.tags(),
                            f.minInterval(), f.maxInterval(), false, true))
                    .toList();
            Map<String, FeedState> states = new ConcurrentHashMap<>();
            AtomicLong polls = new AtomicLong();
            AtomicLong notModified = new AtomicLong();
            AtomicLong newItems = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            AtomicLong peak = new AtomicLong();
            AtomicInteger names = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
                Thread t = new Thread(r, "raqib-bench-poll-" + names.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            // Every feed is polled once before the clock starts: first polls read whole feeds, and on a loaded
            // machine they could otherwise spill into the measured period as if they were new items.
            for (FeedDefinition feed : feeds) {
                states.put(feed.id(), poller.poll(feed, FeedState.initial(feed.id())).state());
            }
            long start = System.nanoTime();
            long warmEnd = start + options.warmup().toNanos();
            long end = warmEnd + options.duration().toNanos();
            for (int i = 0; i < options.threads(); i++) {
                // Each thread owns every threads-th feed, as a worker never polls one feed twice at once.
                List<FeedDefinition> mine = new ArrayList<>();
                for (int f = i; f < feeds.size(); f += options.threads()) {
                    mine.add(feeds.get(f));
                }
                if (mine.isEmpty()) {
                    continue;
                }
                pool.execute(() -> {
                    int cursor = 0;
                    while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                        FeedDefinition feed = mine.get(cursor++ % mine.size());
                        FeedState state = states.getOrDefault(feed.id(), FeedState.initial(feed.id()));
                        PollResult result = poller.poll(feed, state);
                        states.put(feed.id(), result.state());
                        if (System.nanoTime() >= warmEnd) {
                            polls.incrementAndGet();
                            newItems.addAndGet(result.articles().size());
                            if (result.outcome() == PollResult.Outcome.NOT_MODIFIED) {
                                notModified.incrementAndGet();
                            } else if (result.outcome() == PollResult.Outcome.ERROR) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            }
            Duration elapsed = options.duration();
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            double perMinute = polls.get() * 60_000.0 / Math.max(1, elapsed.toMillis());
            return new Result(options, polls.get(), notModified.get(), newItems.get(), errors.get(), elapsed, perMinute,
                    used, peak.get());
        }
    }

    /** A generated corpus: {@code feeds} outlets of thirty short Arabic articles each. */
    static List<Article> corpus(int feeds) {
        List<Article> articles = new ArrayList<>();
        Instant base = Instant.parse("2015-07-01T06:00:00Z");
        for (int s = 0; s < feeds; s++) {
            for (int n = 0; n < 30; n++) {
                articles.add(new Article("bench-" + s + "-" + n, "import", "outlet" + s, "", "خبر " + n + " من المنفذ " + s,
                        "", "أعلن مسؤولون في طرابلس اليوم عن اتفاق جديد بشأن الخبر " + n + ". وقال المتحدث إن التنفيذ"
                        + " سيبدأ الأسبوع المقبل.\nوفي سياق متصل تابعت الأطراف المعنية المشاورات.",
                        "ar", base.plusSeconds(60L * n), base.plusSeconds(60L * n)));
            }
        }
        return articles;
    }
}

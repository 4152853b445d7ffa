package org.raqib.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.raqib.bench.alerts.FanoutBenchmark;
import org.raqib.bench.alerts.FanoutWorkload;
import org.raqib.bench.alerts.WebhookLatencyBenchmark;
import org.raqib.bench.feeds.FeedPollBenchmark;
import org.raqib.bench.match.DevQuality;
import org.raqib.bench.match.MatchBenchmark;
import org.raqib.core.corpus.CorpusReader;
import org.raqib.core.model.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code raqib bench}: the benchmarks recorded in docs/benchmarks.md, one subcommand each. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs a benchmark; figures are recorded in docs/benchmarks.md with the command, date and machine.",
        subcommands = {BenchCommand.Match.class, BenchCommand.Feeds.class, BenchCommand.Fanout.class,
                BenchCommand.Webhook.class})
public final class BenchCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code raqib bench match}: recognition throughput against the Lucene baseline, in one run. */
    @Command(name = "match", mixinStandardHelpOptions = true,
            description = {"Single-threaded normalisation + tokenisation + entity recognition + storyline decision"
                    + " over a corpus (SaudiNewsNet zips or JSONL), by Raqib and by Lucene's ArabicAnalyzer with a"
                    + " phrase query per alias, in the same run.",
                    "The last line is machine-readable: articles_per_s=N mb_per_s=N (Raqib)."})
    static final class Match implements Callable<Integer> {

        @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "Corpus file or directory.")
        Path corpus;

        @Option(names = "--limit", paramLabel = "N", description = "Use at most N articles (default: all).")
        int limit = Integer.MAX_VALUE;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "2000",
                description = "Articles of the warm-up pass (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--skip-lucene", description = "Measure Raqib only.")
        boolean skipLucene;

        @Option(names = "--dev", paramLabel = "FILE",
                description = "Also score both engines' entity precision/recall/F1 on labelled JSONL (storyline/dev.jsonl).")
        Path dev;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<Article> articles = new ArrayList<>();
            new CorpusReader().readAll(corpus, new CorpusReader.Sink() {
                @Override
                public void article(Article article) {
                    if (articles.size() < limit) {
                        articles.add(article);
                    }
                }

                @Override
                public void rejected(String where, String reason) {
                    // Unreadable records are not part of the measurement.
                }
            });
            if (articles.isEmpty()) {
                throw new IllegalArgumentException("no articles in " + corpus);
            }
            MatchBenchmark bench = new MatchBenchmark(articles, warmup);
            MatchBenchmark.Result raqib = bench.raqib();
            out.println(raqib);
            if (!skipLucene) {
                MatchBenchmark.Result lucene = bench.lucene();
                out.println(lucene);
                out.printf(Locale.ROOT, "raqib/lucene throughput ratio: %.2f%n",
                        raqib.megabytesPerSecond() / lucene.megabytesPerSecond());
            }
            if (dev != null) {
                var recognizer = new org.raqib.streams.entities.EntityRecognizer(
                        org.raqib.streams.entities.Gazetteer.loadDefault());
                out.println("dev quality, raqib:  " + DevQuality.score(dev, (t, b) -> recognizer.recognise(t, b).stream()
                        .map(org.raqib.core.model.EntityHit::id).collect(java.util.stream.Collectors.toSet())));
                var lucene = new org.raqib.bench.lucene.LuceneBaseline();
                out.println("dev quality, lucene: " + DevQuality.score(dev, lucene::recognise));
            }
            out.printf(Locale.ROOT, "articles_per_s=%.0f mb_per_s=%.2f%n", raqib.articlesPerSecond(),
                    raqib.megabytesPerSecond());
            out.flush();
            return 0;
        }
    }

    /** {@code raqib bench feeds}: feed polls per minute of one ingest worker against the simulator. */
    @Command(name = "feeds", mixinStandardHelpOptions = true,
            description = "Feed polls per minute of one ingest worker against the local simulator, most answering 304,"
                    + " with heap use.")
    static final class Feeds implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            FeedPollBenchmark.Result r = new FeedPollBenchmark().run(FeedPollBenchmark.Options.defaults());
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "polls=%d not_modified_share=%.3f errors=%d polls_per_min=%.0f heap_after_gc_mb=%.1f peak_heap_mb=%.1f%n",
                    r.polls(), r.notModifiedShare(), r.errors(), r.pollsPerMinute(), r.heapUsedBytes() / 1e6,
                    r.peakHeapUsedBytes() / 1e6);
            return 0;
        }
    }

    /** {@code raqib bench fanout}: matches and alerts per second of the fan-out with many subscriptions. */
    @Command(name = "fanout", mixinStandardHelpOptions = true,
            description = {"The alert fan-out's per-match work without Kafka (choosing the subscriptions that want a"
                    + " match, building their alerts, serialising them) on one thread, over generated subscriptions"
                    + " and matches; first by checking every subscription (as before the index), then through the"
                    + " subscription index, then through the index with serialisation.",
                    "The last line is machine-readable: matches_per_s=N alerts_per_s=N alerts_per_match=N (index and"
                            + " serialisation)."})
    static final class Fanout implements Callable<Integer> {

        @Option(names = "--subscriptions", paramLabel = "N", defaultValue = "10000",
                description = "Generated subscriptions (default: ${DEFAULT-VALUE}).")
        int subscriptions;

        @Option(names = "--matches", paramLabel = "FILE",
                description = "JSONL snippets ({id,title,body}) to recognise into matches, such as"
                        + " ../shared/storyline/dev.jsonl (default: synthetic matches).")
        Path matches;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "20",
                description = "Measured seconds per variant (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "5",
                description = "Warm-up seconds per variant (default: ${DEFAULT-VALUE}).")
        int warmupSeconds;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FanoutWorkload workload = new FanoutWorkload();
            FanoutBenchmark bench = new FanoutBenchmark(workload.subscriptions(subscriptions, 42, "http://127.0.0.1/hook"),
                    matches == null ? workload.syntheticMatches(1000, 7) : workload.matchesFrom(matches, 1000, 7));
            FanoutBenchmark.Result last = null;
            for (FanoutBenchmark.Selection selection : FanoutBenchmark.Selection.values()) {
                for (boolean serialise : new boolean[] {false, true}) {
                    if (selection == FanoutBenchmark.Selection.LINEAR && serialise) {
                        continue; // Serialisation costs the same whichever way subscriptions are found.
                    }
                    last = bench.run(selection, serialise, java.time.Duration.ofSeconds(warmupSeconds),
                            java.time.Duration.ofSeconds(seconds));
                    out.printf(Locale.ROOT, "%-8s %-15s subscriptions=%d matches/s=%.0f alerts/s=%.0f alerts/match=%.1f%n",
                            selection.name().toLowerCase(Locale.ROOT), serialise ? "+ serialising" : "",
                            last.subscriptions(), last.matchesPerSecond(), last.alertsPerSecond(),
                            (double) last.alerts() / last.matches());
                    out.flush();
                }
            }
            out.printf(Locale.ROOT, "matches_per_s=%.0f alerts_per_s=%.0f alerts_per_match=%.1f%n",
                    last.matchesPerSecond(), last.alertsPerSecond(), (double) last.alerts() / last.matches());
            out.flush();
            return 0;
        }
    }

    /** {@code raqib bench webhook}: latency from a match on raqib.matches to a webhook receiver on loopback. */
    @Command(name = "webhook", mixinStandardHelpOptions = true,
            description = {"Runs the alerts service with webhook subscriptions to a receiver on loopback, produces"
                    + " matches on raqib.matches at a fixed rate, and reports the latency from each match's produce"
                    + " timestamp to the receiver getting its webhook.",
                    "Without --bootstrap-servers it starts an embedded broker of its own (temporary data directory,"
                            + " free ports), so a running 'raqib run' is not disturbed.",
                    "The last line is machine-readable: sent=N received=N missing=N ... p99_ms=N max_ms=N."})
    static final class Webhook implements Callable<Integer> {

        @Mixin
        CommonOptions options;

        @Option(names = "--subscriptions", paramLabel = "N", defaultValue = "1",
                description = "Webhook subscriptions, each wanting every match (default: ${DEFAULT-VALUE}).")
        int subscriptions;

        @Option(names = "--rate", paramLabel = "N", defaultValue = "100",
                description = "Matches per second (default: ${DEFAULT-VALUE}); alerts per second is this times"
                        + " --subscriptions.")
        double rate;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "60",
                description = "Measured seconds (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "10",
                description = "Warm-up seconds (default: ${DEFAULT-VALUE}).")
        int warmupSeconds;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path work = java.nio.file.Files.createTempDirectory("raqib-bench-webhook");
            try {
                org.raqib.core.config.RaqibConfig config = options.load(java.util.Map.of(
                        "kafka.embedded.dataDir", work.resolve("kafka").toString(),
                        "kafka.embedded.port", String.valueOf(freePort()),
                        "kafka.embedded.controllerPort", String.valueOf(freePort())));
                try (org.raqib.app.KafkaConnection connection = org.raqib.app.KafkaConnection.open(config,
                        org.raqib.app.KafkaConnection.WhenUnconfigured.START_EMBEDDED).ensureTopics(List.of())) {
                    WebhookLatencyBenchmark.Result result = new WebhookLatencyBenchmark(
                            connection.clients().properties(), work).run(new WebhookLatencyBenchmark.Options(
                                    subscriptions, rate, java.time.Duration.ofSeconds(warmupSeconds),
                                    java.time.Duration.ofSeconds(seconds), java.time.Duration.ofSeconds(30)));
                    spec.commandLine().getOut().println(result);
                    spec.commandLine().getOut().flush();
                    return result.missing() == 0 ? 0 : 1;
                }
            } finally {
                deleteTree(work);
            }
        }

        private static int freePort() throws IOException {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                    java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        /** Removes the run's broker data and token; it is of no use after the run. */
        private static void deleteTree(Path root) throws IOException {
            try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(path);
                }
            }
        }
    }
}

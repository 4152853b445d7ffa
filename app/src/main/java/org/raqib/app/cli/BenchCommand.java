package org.raqib.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.raqib.bench.BenchCorpus;
import org.raqib.bench.alerts.FanoutBenchmark;
import org.raqib.bench.alerts.FanoutWorkload;
import org.raqib.bench.alerts.WebhookLatencyBenchmark;
import org.raqib.bench.extract.ExtractionThroughput;
import org.raqib.bench.feeds.FeedPollBenchmark;
import org.raqib.bench.importer.ImportBenchmark;
import org.raqib.bench.lucene.LuceneBaseline;
import org.raqib.bench.match.DevQuality;
import org.raqib.bench.match.MatchBenchmark;
import org.raqib.bench.pipeline.PipelineBenchmark;
import org.raqib.bench.rules.RuleEvaluationBenchmark;
import org.raqib.core.config.ConfigLoader;
import org.raqib.core.config.TopicsSettings;
import org.raqib.core.kafka.TopicAdmin;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.streams.entities.EntityRecognizer;
import org.raqib.streams.entities.Gazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code raqib bench}: the benchmarks recorded in docs/benchmarks.md, one subcommand each. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs a benchmark; figures are recorded in docs/benchmarks.md with the command, date and machine.",
        subcommands = {BenchCommand.Match.class, BenchCommand.Rules.class, BenchCommand.Pipeline.class,
                BenchCommand.Feeds.class, BenchCommand.Extract.class, BenchCommand.Fanout.class, BenchCommand.Webhook.class,
                BenchCommand.Import.class, BenchCommand.Jmh.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

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
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<Article> articles = BenchCorpus.read(corpus, limit);
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
                var recognizer = new EntityRecognizer(
                        Gazetteer.loadDefault());
                out.println("dev quality, raqib:  " + DevQuality.score(dev, (t, b) -> recognizer.recognise(t, b).stream()
                        .map(EntityHit::id).collect(Collectors.toSet())));
                var lucene = new LuceneBaseline();
                out.println("dev quality, lucene: " + DevQuality.score(dev, lucene::recognise));
            }
            out.printf(Locale.ROOT, "articles_per_s=%.0f mb_per_s=%.2f%n", raqib.articlesPerSecond(),
                    raqib.megabytesPerSecond());
            out.flush();
            return 0;
        }
    }

    /** {@code raqib bench rules}: rule evaluation with growing numbers of rules over the same articles. */
    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = {"Single-threaded rule evaluation (the analyse step's RuleBook.evaluate) over a corpus with"
                    + " 10, 1,000 and 10,000 generated rules (or --counts), entities recognised beforehand; also"
                    + " gives the analyse step's rate (recognition + rules).",
                    "The last line is machine-readable: ratio_1000_to_10=N (rules-only throughput with 1,000 rules"
                    + " over that with 10) when both counts are measured."})
    static final class Rules implements Callable<Integer> {

        @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus file or directory (default: ${DEFAULT-VALUE}).")
        Path corpus = BenchCorpus.SAUDI_NEWS_NET;

        @Option(names = "--limit", paramLabel = "N", description = "Use at most N articles (default: all).")
        int limit = Integer.MAX_VALUE;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "2000",
                description = "Articles of each warm-up pass (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--counts", paramLabel = "N,N...", split = ",", defaultValue = "10,1000,10000",
                description = "Rule counts to measure (default: ${DEFAULT-VALUE}).")
        List<Integer> counts;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RuleEvaluationBenchmark bench = new RuleEvaluationBenchmark(BenchCorpus.read(corpus, limit), warmup);
            Map<Integer, RuleEvaluationBenchmark.Result> results = new LinkedHashMap<>();
            for (int count : counts) {
                RuleEvaluationBenchmark.Result r = bench.run(count);
                results.put(count, r);
                out.println(r);
                out.flush();
            }
            if (results.containsKey(10) && results.containsKey(1000)) {
                out.printf(Locale.ROOT, "ratio_1000_to_10=%.2f%n",
                        results.get(1000).articlesPerSecond() / results.get(10).articlesPerSecond());
            }
            out.flush();
            return 0;
        }
    }

    /** {@code raqib bench pipeline}: the whole topology on a real broker, sustained rate and latency. */
    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = {"Runs the topology (exactly-once Kafka Streams) on a scratch embedded broker, or on"
                    + " --bootstrap-servers: first a backlog of corpus articles for the sustained rate (after a"
                    + " warm-up backlog that is not counted), then articles at a fixed rate for the latency from"
                    + " raqib.articles to raqib.matches.",
                    "The last line is machine-readable: articles_per_s=N articles_per_cpu_s=N (per CPU-second of the"
                            + " whole process) p99_ms=N."})
    static final class Pipeline implements Callable<Integer> {

        @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus file or directory (default: ${DEFAULT-VALUE}).")
        Path corpus = BenchCorpus.SAUDI_NEWS_NET;

        @Option(names = "--rules", paramLabel = "N", defaultValue = "1000",
                description = "Rules: the default pack topped up with generated rules (default: ${DEFAULT-VALUE}).")
        int rules;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
                description = "Stream threads (default: ${DEFAULT-VALUE}, one per core here).")
        int threads;

        @Option(names = "--warmup-backlog", paramLabel = "N", defaultValue = "310300",
                description = "Articles processed before the throughput phase's clock starts, so that it measures a"
                        + " JVM that has compiled its hot code (default: ${DEFAULT-VALUE}, ten passes over the"
                        + " SaudiNewsNet corpus: on two cores the JIT compiler takes about three minutes to settle;"
                        + " 0 measures a cold start).")
        int warmupBacklog;

        @Option(names = "--backlog", paramLabel = "N", defaultValue = "62060",
                description = "Articles counted in the throughput phase (default: ${DEFAULT-VALUE}, two more passes"
                        + " over the corpus).")
        int backlog;

        @Option(names = "--rate", paramLabel = "N", defaultValue = "200",
                description = "Articles per second in the latency phase (default: ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "15s",
                description = "Latency phase before samples count (default: ${DEFAULT-VALUE}).")
        String warmup;

        @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s",
                description = "Latency phase while samples count (default: ${DEFAULT-VALUE}).")
        String duration;

        @Option(names = "--commit-interval", paramLabel = "DURATION",
                description = "The instance's streams.commitInterval (default: ${DEFAULT-VALUE}, as configured by default).")
        String commitInterval = "50ms";

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                description = "Run against this cluster instead of a scratch embedded broker.")
        String bootstrapServers;

        @Option(names = "--partitions", paramLabel = "N",
                description = "Partitions of the topics the run creates (default: topics.partitions, 6); fewer"
                        + " partitions mean fewer partitions in every exactly-once transaction.")
        Integer partitions;

        @Option(names = "--streams-property", paramLabel = "KEY=VALUE",
                description = "A Kafka Streams client property for the instance, as kafka.properties would pass it"
                        + " (repeatable), for example consumer.fetch.min.bytes=65536.")
        Map<String, String> streamsProperties = new LinkedHashMap<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<Article> articles = BenchCorpus.read(corpus, Integer.MAX_VALUE);
            var options = new PipelineBenchmark.Options(rules, threads, warmupBacklog, backlog, rate,
                    ConfigLoader.parseDuration(warmup),
                    ConfigLoader.parseDuration(duration),
                    ConfigLoader.parseDuration(commitInterval), streamsProperties);
            try (BenchKafka kafka = BenchKafka.open(bootstrapServers)) {
                out.println("kafka: " + (kafka.embedded() ? "scratch embedded broker " : "")
                        + kafka.clients().bootstrapServers());
                out.flush();
                PipelineBenchmark.Result r = new PipelineBenchmark(kafka.clients(),
                        topics(), kafka.workDir("streams"), articles)
                        .run(options);
                out.println(r.sentPerArticle());
                out.println(r);
                out.printf(Locale.ROOT, "articles_per_s=%.0f articles_per_cpu_s=%.0f p99_ms=%.1f%n",
                        r.articlesPerSecond(), r.articlesPerProcessCpuSecond(), r.latencyQuantile(0.99));
            }
            out.flush();
            return 0;
        }

        private TopicsSettings topics() {
            TopicsSettings defaults = ConfigLoader.defaultConfig().topics();
            return partitions == null ? defaults : new TopicsSettings(partitions, defaults.replicationFactor(),
                    defaults.minInsyncReplicas(), defaults.retentionMs());
        }
    }

    /** {@code raqib bench import}: {@code raqib import}'s rate, cold and warmed up, and its re-import. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports an archive as 'raqib import' does (ArticleImporter, live ingest's cleaning) into"
                    + " fresh topics with raqib.articles's settings, --runs times (the first in a cold JVM, like every"
                    + " 'raqib import'), then once more into the last topic, where every article is a duplicate.",
                    "Without --bootstrap-servers it starts an embedded broker of its own in this JVM (temporary data"
                            + " directory, free ports), so a running 'raqib run' is not disturbed.",
                    "The last line is machine-readable: cold_articles_per_s=N cold_articles_per_cpu_s=N (the first"
                            + " run) warm_articles_per_s=N warm_articles_per_cpu_s=N (the last) reimport_articles_per_s=N"
                            + " reimport_articles_per_cpu_s=N."})
    static final class Import implements Callable<Integer> {

        @Option(names = "--corpus", paramLabel = "PATH", description = "Archive file or directory (default: ${DEFAULT-VALUE}).")
        Path corpus = BenchCorpus.SAUDI_NEWS_NET;

        @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
                description = "Imports into fresh topics (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--readers", paramLabel = "N",
                description = "Reading threads of the importer (default: one per processor, as 'raqib import').")
        int readers = Runtime.getRuntime().availableProcessors();

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                description = "Run against this cluster instead of a scratch embedded broker.")
        String bootstrapServers;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (BenchKafka kafka = BenchKafka.open(bootstrapServers)) {
                out.println("kafka: " + (kafka.embedded() ? "scratch embedded broker " : "")
                        + kafka.clients().bootstrapServers());
                out.flush();
                List<ImportBenchmark.Result> results = new ImportBenchmark(kafka.clients().properties(),
                        ConfigLoader.defaultConfig().topics(), ImportCommand.INGEST_CLEANING, List.of(corpus), readers)
                        .run(runs, r -> {
                            out.println(r);
                            out.flush();
                        });
                ImportBenchmark.Result cold = results.get(0);
                ImportBenchmark.Result warm = results.get(runs - 1);
                ImportBenchmark.Result reimport = results.get(runs);
                out.printf(Locale.ROOT, "cold_articles_per_s=%.0f cold_articles_per_cpu_s=%.0f warm_articles_per_s=%.0f"
                        + " warm_articles_per_cpu_s=%.0f reimport_articles_per_s=%.0f reimport_articles_per_cpu_s=%.0f%n",
                        cold.articlesPerSecond(), cold.articlesPerCpuSecond(), warm.articlesPerSecond(),
                        warm.articlesPerCpuSecond(), reimport.articlesPerSecond(), reimport.articlesPerCpuSecond());
            }
            out.flush();
            return 0;
        }
    }

    /** {@code raqib bench jmh}: the JMH micro-benchmarks, with JMH's own options. */
    @Command(name = "jmh", mixinStandardHelpOptions = true,
            description = {"Runs the JMH micro-benchmarks in org.raqib.bench.jmh (recognition, rule evaluation),"
                    + " passing every other argument to JMH: for example 'raqib bench jmh -f 1 -wi 2 -i 3 Recognition'"
                    + " ('raqib bench jmh -- -h' lists JMH's options, '-l' the benchmarks).",
                    "Benchmarks read ../shared/corpus/saudinewsnet unless -p corpus=PATH says otherwise."})
    static final class Jmh implements Callable<Integer> {

        // Unmatched, not parameters: JMH's options (-f, -wi, -p name=value...) are not picocli's to parse.
        @Unmatched
        List<String> args = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CommandLineOptions options;
            try {
                options = new CommandLineOptions(args.toArray(String[]::new));
            } catch (CommandLineOptionException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            // JMH's own Main would System.exit; the runner API returns, so raqib decides the exit code.
            if (options.shouldHelp()) {
                options.showHelp();
            } else if (options.shouldList()) {
                new Runner(options).list();
            } else {
                // Forks run with this process's class path, which is the raqib jar and its BenchmarkList.
                new Runner(options).run();
            }
            return 0;
        }
    }

    /** {@code raqib bench feeds}: feed polls per minute of one ingest worker against the simulator. */
    @Command(name = "feeds", mixinStandardHelpOptions = true,
            description = "Feed polls per minute of one ingest worker against the local simulator, most answering 304,"
                    + " with heap use.")
    static final class Feeds implements Callable<Integer> {

        @Spec
        CommandSpec spec;

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

    /** {@code raqib bench extract}: article pages extracted per second on one thread. */
    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = {"Single-threaded main-text extraction (parse, metadata, body) over a directory of .html or"
                    + " .html.gz pages, after warm-up passes.",
                    "The last line is machine-readable: pages_per_s=N mb_per_s=N pages_per_cpu_s=N."})
    static final class Extract implements Callable<Integer> {

        @Option(names = "--pages", paramLabel = "DIR", defaultValue = "../shared/benchmarks/article-extraction/html",
                description = "Directory of pages (default: ${DEFAULT-VALUE}).")
        Path pages;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "3",
                description = "Unmeasured passes over all pages first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--passes", paramLabel = "N", defaultValue = "5",
                description = "Measured passes over all pages (default: ${DEFAULT-VALUE}).")
        int passes;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ExtractionThroughput.Result r = new ExtractionThroughput(ExtractionThroughput.load(pages)).run(warmup, passes);
            PrintWriter out = spec.commandLine().getOut();
            out.println(r);
            out.printf(Locale.ROOT, "pages_per_s=%.0f mb_per_s=%.2f pages_per_cpu_s=%.0f%n", r.pagesPerSecond(),
                    r.megabytesPerSecond(), r.pagesPerCpuSecond());
            out.flush();
            return 0;
        }
    }

    /** {@code raqib bench fanout}: matches and alerts per second of the fan-out with many subscriptions. */
    @Command(name = "fanout", mixinStandardHelpOptions = true,
            description = {"The alert fan-out's per-match work without Kafka (choosing the subscriptions that want a"
                    + " match, building their alerts, writing their record values) on one thread, over generated"
                    + " subscriptions and matches; first by checking every subscription (as before the index), then"
                    + " through the subscription index: without values, with each alert through the serde (per_alert,"
                    + " before), and with the match's JSON written once per match (match_once, as the fan-out does).",
                    "The last line is machine-readable: matches_per_s=N alerts_per_s=N alerts_per_match=N"
                            + " matches_per_cpu_s=N alerts_per_cpu_s=N (index, match_once)."})
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
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FanoutWorkload workload = new FanoutWorkload();
            FanoutBenchmark bench = new FanoutBenchmark(workload.subscriptions(subscriptions, 42, "http://127.0.0.1/hook"),
                    matches == null ? workload.syntheticMatches(1000, 7) : workload.matchesFrom(matches, 1000, 7));
            FanoutBenchmark.Result last = null;
            for (FanoutBenchmark.Selection selection : FanoutBenchmark.Selection.values()) {
                for (FanoutBenchmark.Values values : FanoutBenchmark.Values.values()) {
                    if (selection == FanoutBenchmark.Selection.LINEAR && values != FanoutBenchmark.Values.NONE) {
                        continue; // Writing values costs the same whichever way subscriptions are found.
                    }
                    last = bench.run(selection, values, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds));
                    out.printf(Locale.ROOT, "%-8s %-12s subscriptions=%d matches/s=%.0f alerts/s=%.0f alerts/match=%.1f"
                                    + " matches/cpu-s=%.0f alerts/cpu-s=%.0f%n",
                            selection.name().toLowerCase(Locale.ROOT), values.name().toLowerCase(Locale.ROOT),
                            last.subscriptions(), last.matchesPerSecond(), last.alertsPerSecond(),
                            (double) last.alerts() / last.matches(), last.matchesPerCpuSecond(),
                            last.alertsPerCpuSecond());
                    out.flush();
                }
            }
            out.printf(Locale.ROOT, "matches_per_s=%.0f alerts_per_s=%.0f alerts_per_match=%.1f matches_per_cpu_s=%.0f"
                            + " alerts_per_cpu_s=%.0f%n",
                    last.matchesPerSecond(), last.alertsPerSecond(), (double) last.alerts() / last.matches(),
                    last.matchesPerCpuSecond(), last.alertsPerCpuSecond());
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
                    "With the embedded broker, a line before it gives the broker's requests per alert by API.",
                    "The last line is machine-readable: sent=N received=N missing=N ... p99_ms=N max_ms=N"
                            + " cpu_s_per_1000_alerts=N broker_requests_per_alert=N."})
    static final class Webhook implements Callable<Integer> {

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                description = "Run against this cluster instead of a scratch embedded broker.")
        String bootstrapServers;

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
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (BenchKafka kafka = BenchKafka.open(bootstrapServers)) {
                try (Admin admin =
                        Admin.create(kafka.clients().properties())) {
                    new TopicAdmin(admin, ConfigLoader.defaultConfig()
                            .topics()).ensure(Topics.all());
                }
                WebhookLatencyBenchmark.Result result = new WebhookLatencyBenchmark(
                        kafka.clients().properties(), kafka.workDir("alerts")).run(new WebhookLatencyBenchmark.Options(
                                subscriptions, rate, Duration.ofSeconds(warmupSeconds),
                                Duration.ofSeconds(seconds), Duration.ofSeconds(30)));
                if (!result.brokerRequests().isEmpty()) {
                    spec.commandLine().getOut().println("broker requests per alert: " + result.brokerRequests()
                            .entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "%s=%.2f", e.getKey(),
                                    e.getValue() / (double) result.sent()))
                            .collect(Collectors.joining(" ")));
                }
                spec.commandLine().getOut().println(result);
                spec.commandLine().getOut().flush();
                return result.missing() == 0 ? 0 : 1;
            }
        }
    }
}

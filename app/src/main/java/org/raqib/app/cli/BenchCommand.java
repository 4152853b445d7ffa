package org.raqib.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.raqib.bench.extract.ExtractionThroughput;
import org.raqib.bench.feeds.FeedPollBenchmark;
import org.raqib.bench.match.DevQuality;
import org.raqib.bench.match.MatchBenchmark;
import org.raqib.core.corpus.CorpusReader;
import org.raqib.core.model.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code raqib bench}: the benchmarks recorded in docs/benchmarks.md, one subcommand each. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs a benchmark; figures are recorded in docs/benchmarks.md with the command, date and machine.",
        subcommands = {BenchCommand.Match.class, BenchCommand.Feeds.class, BenchCommand.Extract.class})
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
        picocli.CommandLine.Model.CommandSpec spec;

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
}

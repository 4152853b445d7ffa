package org.raqib.streams.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Rule;
import org.raqib.core.testing.KafkaClusterExtension;
import org.raqib.streams.rules.DefaultRules;
import org.raqib.streams.rules.SyntheticRules;

/**
 * The real SaudiNewsNet archive: imported twice (the second adds nothing), then backtested from Kafka with the
 * default pack and with 1,000 rules. Rates are printed for docs/benchmarks.md, never asserted.
 */
class CorpusBacktestIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    @Test
    void importsTheArchiveOnceAndBacktestsItWithTheDefaultPackAndAThousandRules() throws Exception {
        Path corpus = Path.of(System.getProperty("raqib.shared", "../shared"), "corpus", "saudinewsnet");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "the SaudiNewsNet corpus is not at " + corpus);
        Fixture.createArticlesTopic(kafka, 3);
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        ArticleImporter importer = new ArticleImporter(props, Topics.ARTICLES.name(), ArticleCleaning.NONE);

        long tr = System.nanoTime();
        long cr = processCpuNanos();
        long[] read = {0};
        new FileArticles(List.of(corpus), ArticleCleaning.NONE).forEach(r -> read[0]++);
        print("read and serialise only", read[0], (System.nanoTime() - tr) / 1e9, (processCpuNanos() - cr) / 1e9);
        long t0 = System.nanoTime();
        long c0 = processCpuNanos();
        ImportSummary first = importer.importFiles(List.of(corpus), Progress.NONE);
        print("import", first.imported(), (System.nanoTime() - t0) / 1e9, (processCpuNanos() - c0) / 1e9);
        long t2 = System.nanoTime();
        long c2 = processCpuNanos();
        ImportSummary second = importer.importFiles(List.of(corpus), Progress.NONE);
        print("import again (all duplicates)", second.duplicates(), (System.nanoTime() - t2) / 1e9,
                (processCpuNanos() - c2) / 1e9);

        assertThat(first.imported()).isPositive();
        assertThat(second.imported()).isZero();
        assertThat(second.duplicates()).isEqualTo(first.imported());

        // Where a backtest's time goes: recognition and rules alone, outside the topology.
        List<org.raqib.core.model.Article> articles = new java.util.ArrayList<>();
        new org.raqib.core.corpus.CorpusReader().readAll(corpus, new org.raqib.core.corpus.CorpusReader.Sink() {
            @Override
            public void article(org.raqib.core.model.Article article) {
                articles.add(article);
            }

            @Override
            public void rejected(String where, String reason) {
            }
        });
        var recognition = org.raqib.streams.topology.GazetteerRecognition.standard();
        var book = new org.raqib.streams.rules.RuleBook(org.raqib.streams.rules.TokenAnalysis.standard(),
                DefaultRules.load());
        long tr2 = System.nanoTime();
        List<List<org.raqib.core.model.EntityHit>> hits = articles.stream().map(recognition::recognise).toList();
        print("recognition alone", articles.size(), (System.nanoTime() - tr2) / 1e9);
        long te = System.nanoTime();
        for (int i = 0; i < articles.size(); i++) {
            book.evaluate(articles.get(i), hits.get(i));
        }
        print("default rules alone", articles.size(), (System.nanoTime() - te) / 1e9);

        ArticleRange range = new ArticleRange(props, Topics.ARTICLES.name(), Instant.EPOCH,
                Instant.parse("2100-01-01T00:00:00Z"));
        for (List<Rule> rules : List.of(DefaultRules.load(), SyntheticRules.generate(1_000, 42))) {
            long t1 = System.nanoTime();
            BacktestRun run = Fixture.engine().run(range, List.of(rules), Progress.NONE).get(0);
            double seconds = (System.nanoTime() - t1) / 1e9;
            assertThat(run.articles()).isEqualTo(first.imported());
            print("backtest with " + rules.size() + " rules (" + run.matches().size() + " matched)", run.articles(), seconds);
        }
    }

    /** Also per CPU-second of this process (importer, producer, broker, compiler, collector). */
    private static void print(String what, long articles, double seconds, double cpuSeconds) {
        System.out.printf(Locale.ROOT, "BENCH %s: %d articles in %.1f s = %.0f articles/s; %.1f CPU-s = %.0f articles per"
                + " CPU-second%n", what, articles, seconds, articles / seconds, cpuSeconds, articles / cpuSeconds);
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static void print(String what, long articles, double seconds) {
        System.out.printf(Locale.ROOT, "BENCH %s: %d articles in %.1f s = %.0f articles/s%n", what, articles, seconds,
                articles / seconds);
    }
}

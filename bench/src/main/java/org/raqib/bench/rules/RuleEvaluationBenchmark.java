package org.raqib.bench.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.streams.rules.RuleBook;
import org.raqib.streams.rules.SyntheticRules;
import org.raqib.streams.rules.TokenAnalysis;
import org.raqib.streams.topology.GazetteerRecognition;

/**
 * Measures the rule engine as the topology's analyse step uses it: {@link RuleBook#evaluate} over the same articles
 * with growing numbers of {@link SyntheticRules}, single-threaded. Entities are recognised once beforehand (rules
 * read them, but recognition does not depend on the rules), and recognition is timed on its own so the whole analyse
 * step's rate can be given too. Each rule count first runs a warm-up pass.
 */
public final class RuleEvaluationBenchmark {

    /** The seed of the generated rules, so every run measures the same rules. */
    public static final long SEED = 42;

    /**
     * The figures for one rule count.
     *
     * @param rules rules in the book
     * @param articles articles evaluated in the timed pass
     * @param seconds wall time of the timed pass (rule evaluation only)
     * @param matched articles at least one rule matched
     * @param hits rule hits in all
     * @param recognitionSeconds wall time of recognising the same articles, measured once for all rule counts
     */
    public record Result(int rules, int articles, double seconds, int matched, long hits, double recognitionSeconds) {

        /** Articles per second through rule evaluation alone. */
        public double articlesPerSecond() {
            return articles / seconds;
        }

        /** Articles per second through recognition and then rule evaluation, as the analyse step does both. */
        public double analyseArticlesPerSecond() {
            return articles / (seconds + recognitionSeconds);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "rules=%d articles=%d matched=%d hits=%d rules_only_articles_per_s=%.0f analyse_articles_per_s=%.0f",
                    rules, articles, matched, hits, articlesPerSecond(), analyseArticlesPerSecond());
        }
    }

    private final List<Article> articles;
    private final List<List<EntityHit>> entities;
    private final int warmup;
    private final double recognitionSeconds;

    /** Measures over {@code articles}, warming up on the first {@code warmup} of them. */
    public RuleEvaluationBenchmark(List<Article> articles, int warmup) {
        this.articles = List.copyOf(articles);
        this.warmup = Math.min(warmup, articles.size());
        GazetteerRecognition recognition = GazetteerRecognition.standard();
        for (int i = 0; i < this.warmup; i++) {
            recognition.recognise(this.articles.get(i));
        }
        List<List<EntityHit>> found = new ArrayList<>(articles.size());
        long start = System.nanoTime();
        for (Article a : this.articles) {
            found.add(recognition.recognise(a));
        }
        this.recognitionSeconds = (System.nanoTime() - start) / 1e9;
        this.entities = found;
    }

    /** Evaluates {@code ruleCount} generated rules over every article. */
    public Result run(int ruleCount) {
        RuleBook book = new RuleBook(TokenAnalysis.standard(), SyntheticRules.generate(ruleCount, SEED));
        for (int i = 0; i < warmup; i++) {
            book.evaluate(articles.get(i), entities.get(i));
        }
        int matched = 0;
        long hits = 0;
        long start = System.nanoTime();
        for (int i = 0; i < articles.size(); i++) {
            int n = book.evaluate(articles.get(i), entities.get(i)).size();
            hits += n;
            if (n > 0) {
                matched++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ruleCount, articles.size(), seconds, matched, hits, recognitionSeconds);
    }
}

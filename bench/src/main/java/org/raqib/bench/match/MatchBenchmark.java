package org.raqib.bench.match;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.raqib.bench.lucene.LuceneBaseline;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.streams.entities.EntityRecognizer;
import org.raqib.streams.entities.Gazetteer;
import org.raqib.streams.storyline.StorylineDecision;

/**
 * Measures, single-threaded and over the same articles in one run, normalisation + tokenisation + entity recognition
 * + the storyline decision by Raqib's recogniser, and the same work by the {@link LuceneBaseline}. Each engine first
 * runs a warm-up pass (so the JIT has compiled the hot paths), then a timed pass; the figures are articles/s and
 * MB/s of UTF-8 title and text.
 */
public final class MatchBenchmark {

    /**
     * One engine's figures.
     *
     * @param engine its name
     * @param articles articles in the timed pass
     * @param megabytes MB (10^6 bytes) of UTF-8 title and text in it
     * @param seconds wall time of the timed pass
     * @param inStoryline articles the engine put in the storyline
     */
    public record Result(String engine, int articles, double megabytes, double seconds, int inStoryline) {

        public double articlesPerSecond() {
            return articles / seconds;
        }

        public double megabytesPerSecond() {
            return megabytes / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-28s %8d articles %8.1f MB %7.2f s %10.0f articles/s %7.2f MB/s %6d in storyline",
                    engine, articles, megabytes, seconds, articlesPerSecond(), megabytesPerSecond(), inStoryline);
        }
    }

    private final List<Article> articles;
    private final int warmup;
    private final long bytes;

    /** Measures over {@code articles}, warming up on the first {@code warmup} of them. */
    public MatchBenchmark(List<Article> articles, int warmup) {
        this.articles = List.copyOf(articles);
        this.warmup = Math.min(warmup, articles.size());
        long total = 0;
        for (Article a : articles) {
            total += a.title().getBytes(StandardCharsets.UTF_8).length + a.text().getBytes(StandardCharsets.UTF_8).length;
        }
        this.bytes = total;
    }

    /** Raqib's recogniser with the bundled gazetteer, and its storyline decision. */
    public Result raqib() {
        EntityRecognizer recognizer = new EntityRecognizer(Gazetteer.loadDefault());
        StorylineDecision decision = new StorylineDecision();
        int[] storyline = new int[1];
        return measure("raqib EntityRecognizer", a -> {
            List<EntityHit> hits = recognizer.recognise(a.title(), a.text());
            if (decision.inStoryline(hits, a.title(), a.text())) {
                storyline[0]++;
            }
        }, storyline);
    }

    /** Lucene's ArabicAnalyzer with a phrase query per alias. */
    public Result lucene() {
        LuceneBaseline lucene = new LuceneBaseline();
        int[] storyline = new int[1];
        return measure("lucene ArabicAnalyzer+phrases", a -> {
            Set<String> found = lucene.recognise(a.title(), a.text());
            if (lucene.inStoryline(found)) {
                storyline[0]++;
            }
        }, storyline);
    }

    private Result measure(String engine, Consumer<Article> work, int[] storyline) {
        for (int i = 0; i < warmup; i++) {
            work.accept(articles.get(i));
        }
        storyline[0] = 0;
        long start = System.nanoTime();
        for (Article a : articles) {
            work.accept(a);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(engine, articles.size(), bytes / 1e6, seconds, storyline[0]);
    }
}

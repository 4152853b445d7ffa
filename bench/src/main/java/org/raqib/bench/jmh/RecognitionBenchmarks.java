package org.raqib.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.raqib.bench.lucene.LuceneBaseline;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.streams.entities.EntityRecognizer;
import org.raqib.streams.entities.Gazetteer;
import org.raqib.streams.stories.StorySignature;
import org.raqib.streams.storyline.StorylineDecision;
import org.raqib.streams.text.TextAnalyzer;

/**
 * Per-article cost of the recogniser's stages, and of the Lucene baseline doing the same job: analysis alone
 * (normalisation + tokenisation), recognition, recognition with the storyline decision; and of the story signature
 * that a matched article gets next. Each invocation takes the
 * next article of the corpus, so the figure is an average over real articles of varied length.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class RecognitionBenchmarks {

    /** A corpus file or directory; empty for {@code ../shared/corpus/saudinewsnet}. */
    @Param("")
    public String corpus;

    /** Articles cycled through. */
    @Param("5000")
    public int articles;

    private List<Article> sample;
    private int next;
    private TextAnalyzer analyzer;
    private EntityRecognizer recognizer;
    private StorylineDecision decision;
    private LuceneBaseline lucene;

    @Setup
    public void setUp() {
        sample = JmhCorpus.load(corpus, articles);
        analyzer = new TextAnalyzer();
        recognizer = new EntityRecognizer(Gazetteer.loadDefault());
        decision = new StorylineDecision();
        lucene = new LuceneBaseline();
    }

    private Article nextArticle() {
        Article a = sample.get(next);
        next = next + 1 == sample.size() ? 0 : next + 1;
        return a;
    }

    /** Normalisation and tokenisation of title and text, with offsets. */
    @Benchmark
    public void analyse(Blackhole bh) {
        Article a = nextArticle();
        bh.consume(analyzer.tokens(a.title()));
        bh.consume(analyzer.tokens(a.text()));
    }

    /** Analysis plus the gazetteer lookup, clitics, gentilics, transliteration tolerance and disambiguation. */
    @Benchmark
    public List<EntityHit> recognise() {
        Article a = nextArticle();
        return recognizer.recognise(a.title(), a.text());
    }

    /** What {@code raqib bench match} times: recognition and the storyline decision. */
    @Benchmark
    public boolean recogniseAndDecide() {
        Article a = nextArticle();
        return decision.inStoryline(recognizer.recognise(a.title(), a.text()), a.title(), a.text());
    }

    /** The story signature (folding, words, MinHash of 3-shingles), as the topology computes it for a matched article. */
    @Benchmark
    public StorySignature storySignature() {
        return StorySignature.of(nextArticle().text());
    }

    /** The baseline: Lucene's ArabicAnalyzer in a MemoryIndex with a phrase query per alias, and its decision. */
    @Benchmark
    public boolean luceneRecogniseAndDecide() {
        Article a = nextArticle();
        return lucene.inStoryline(lucene.recognise(a.title(), a.text()));
    }
}

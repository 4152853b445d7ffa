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
import org.raqib.core.model.Article;
import org.raqib.streams.stories.StorySignature;

/**
 * Per-article cost of the story signature that every matched article gets before it is clustered: folding, word
 * splitting and the MinHash of its 3-shingles. Each invocation takes the next article of the corpus.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class StoryBenchmarks {

    /** A corpus file or directory; empty for {@code ../shared/corpus/saudinewsnet}. */
    @Param("")
    public String corpus;

    /** Articles cycled through. */
    @Param("5000")
    public int articles;

    private List<Article> sample;
    private int next;

    @Setup
    public void setUp() {
        sample = JmhCorpus.load(corpus, articles);
    }

    /** The signature of an article's text, as the topology computes it for a matched article. */
    @Benchmark
    public StorySignature signature() {
        Article a = sample.get(next);
        next = next + 1 == sample.size() ? 0 : next + 1;
        return StorySignature.of(a.text());
    }
}

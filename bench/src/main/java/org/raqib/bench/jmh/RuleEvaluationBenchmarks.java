package org.raqib.bench.jmh;

import java.util.ArrayList;
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
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.RuleHit;
import org.raqib.streams.rules.RuleBook;
import org.raqib.streams.rules.SyntheticRules;
import org.raqib.streams.rules.TokenAnalysis;
import org.raqib.streams.topology.GazetteerRecognition;

/**
 * Per-article cost of evaluating 10, 1,000 and 10,000 rules ({@link SyntheticRules}, fixed seed) with entities
 * recognised beforehand, as {@code raqib bench rules} measures it over the whole corpus. The compiled rules' shared
 * term index is what keeps the cost nearly flat as rules grow.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class RuleEvaluationBenchmarks {

    /** A corpus file or directory; empty for {@code ../shared/corpus/saudinewsnet}. */
    @Param("")
    public String corpus;

    /** Articles cycled through. */
    @Param("5000")
    public int articles;

    /** Rules in the book. */
    @Param({"10", "1000", "10000"})
    public int rules;

    private List<Article> sample;
    private List<List<EntityHit>> entities;
    private RuleBook book;
    private int next;

    @Setup
    public void setUp() {
        sample = JmhCorpus.load(corpus, articles);
        GazetteerRecognition recognition = GazetteerRecognition.standard();
        entities = new ArrayList<>(sample.size());
        for (Article a : sample) {
            entities.add(recognition.recognise(a));
        }
        book = new RuleBook(TokenAnalysis.standard(), SyntheticRules.generate(rules, 42));
    }

    /** All rules against the next article. */
    @Benchmark
    public List<RuleHit> evaluate() {
        int i = next;
        next = next + 1 == sample.size() ? 0 : next + 1;
        return book.evaluate(sample.get(i), entities.get(i));
    }
}

package org.raqib.bench.jmh;

import java.nio.file.Path;
import java.util.List;
import org.raqib.bench.BenchCorpus;
import org.raqib.core.model.Article;

/** The articles the JMH benchmarks cycle through: the first articles of a corpus, read once per fork. */
final class JmhCorpus {

    private JmhCorpus() {}

    /** Up to {@code limit} articles of {@code path}; {@code ""} means the shared SaudiNewsNet archive. */
    static List<Article> load(String path, int limit) {
        return BenchCorpus.read(path.isBlank() ? BenchCorpus.SAUDI_NEWS_NET : Path.of(path), limit);
    }
}

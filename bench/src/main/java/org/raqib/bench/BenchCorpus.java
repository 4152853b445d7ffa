package org.raqib.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.raqib.core.corpus.CorpusReader;
import org.raqib.core.model.Article;

/** The articles a benchmark measures over: a SaudiNewsNet archive or JSONL file, or a directory of them. */
public final class BenchCorpus {

    /** Where the shared SaudiNewsNet archive lives, relative to a checkout beside {@code ../shared}. */
    public static final Path SAUDI_NEWS_NET = Path.of("..", "shared", "corpus", "saudinewsnet");

    private BenchCorpus() {}

    /**
     * The first {@code limit} readable articles of {@code path}, in file order; unreadable records are skipped, as
     * they are not part of any measurement.
     *
     * @throws IllegalArgumentException when {@code path} holds no article
     * @throws UncheckedIOException when it cannot be read
     */
    public static List<Article> read(Path path, int limit) {
        List<Article> articles = new ArrayList<>();
        try {
            new CorpusReader().readAll(path, new CorpusReader.Sink() {
                @Override
                public void article(Article article) {
                    if (articles.size() < limit) {
                        articles.add(article);
                    }
                }

                @Override
                public void rejected(String where, String reason) {
                    // Skipped: a benchmark measures the articles it can read.
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus " + path + ": " + e.getMessage(), e);
        }
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("no articles in " + path);
        }
        return articles;
    }
}

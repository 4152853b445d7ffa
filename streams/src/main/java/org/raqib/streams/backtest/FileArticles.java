package org.raqib.streams.backtest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.raqib.core.corpus.CorpusReader;
import org.raqib.core.json.Json;
import org.raqib.core.model.Article;

/**
 * Articles read from archive files (SaudiNewsNet zips or JSON, or JSONL), for a backtest without Kafka. Each
 * article becomes the record import would have written: keyed by id, timestamped with its publication time (or
 * fetch time when it has none), cleaned the same way. Unreadable records are collected in {@link #rejected()}.
 */
public final class FileArticles implements ArticleSource {

    private final List<Path> paths;
    private final ArticleCleaning cleaning;
    private final List<String> rejected = new ArrayList<>();

    public FileArticles(List<Path> paths, ArticleCleaning cleaning) {
        this.paths = List.copyOf(paths);
        this.cleaning = Objects.requireNonNull(cleaning, "cleaning");
    }

    @Override
    public void forEach(Consumer<ArticleRecord> each) throws IOException {
        forEachArticle(article -> each.accept(record(article)));
    }

    /** Hands every readable article, cleaned, to {@code each}, in reading order, before it is serialised. */
    public void forEachArticle(Consumer<Article> each) throws IOException {
        CorpusReader reader = new CorpusReader();
        for (Path path : paths) {
            reader.readAll(path, new CorpusReader.Sink() {
                @Override
                public void article(Article article) {
                    Article clean;
                    try {
                        clean = cleaning.clean(article);
                    } catch (IllegalArgumentException e) {
                        rejected(article.id(), e.getMessage());
                        return;
                    }
                    each.accept(clean);
                }

                @Override
                public void rejected(String where, String reason) {
                    rejected.add(where + ": " + reason);
                }
            });
        }
    }

    /** What could not be read, as {@code place: reason}, in reading order. */
    public List<String> rejected() {
        return List.copyOf(rejected);
    }

    /** The {@code raqib.articles} record of {@code article}: the import's key, value and timestamp. */
    public static ArticleRecord record(Article article) {
        return new ArticleRecord(article.id(), Json.writeBytes(article),
                article.published().orElse(article.fetchedAt()));
    }
}

package org.raqib.streams.backtest;

import org.raqib.core.corpus.EncodedText;
import org.raqib.core.model.Article;

/**
 * The seam where an imported article goes through the same text cleaning as live ingest. The composition root
 * passes ingest's cleaner; the streams module cannot depend on ingest, hence an interface.
 */
@FunctionalInterface
public interface ArticleCleaning {

    /** No cleaning: the archive's text as it is. */
    ArticleCleaning NONE = new ArticleCleaning() {
        @Override
        public Article clean(Article article) {
            return article;
        }

        @Override
        public boolean keepsBody(EncodedText body) {
            return true;
        }
    };

    /**
     * The cleaned article, with the same id (an import skips the ids already imported before it cleans); throws
     * {@link IllegalArgumentException} with a reason to reject it. Called on several threads at once.
     */
    Article clean(Article article);

    /**
     * Whether {@link #clean} leaves {@code body} as it is, whatever the rest of the article, and cleans (or rejects)
     * the rest the same whatever the body. When it does, an import cleans the article without its body and copies
     * the body's bytes from the archive into the record, never decoding them. The default, false, is always safe.
     * Called on several threads at once.
     */
    default boolean keepsBody(EncodedText body) {
        return false;
    }
}

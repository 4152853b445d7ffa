package org.raqib.streams.backtest;

import org.raqib.core.model.Article;

/**
 * The seam where an imported article goes through the same text cleaning as live ingest. The composition root
 * passes ingest's cleaner; the streams module cannot depend on ingest, hence an interface.
 */
@FunctionalInterface
public interface ArticleCleaning {

    /** No cleaning: the archive's text as it is. */
    ArticleCleaning NONE = article -> article;

    /**
     * The cleaned article, with the same id (an import skips the ids already imported before it cleans); throws
     * {@link IllegalArgumentException} with a reason to reject it. Called on several threads at once.
     */
    Article clean(Article article);
}

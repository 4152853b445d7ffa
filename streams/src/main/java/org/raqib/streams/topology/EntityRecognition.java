package org.raqib.streams.topology;

import java.util.List;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.streams.text.ArticleText;

/** Finds the storyline's entities in an article. Implementations are thread-safe: every stream thread shares one. */
@FunctionalInterface
public interface EntityRecognition {

    /**
     * The entities named in {@code article}, with mention offsets into the original strings: field {@code title}
     * is {@link Article#title()}, field {@code body} is {@link Article#text()} (the body, or the summary when the
     * article has no body).
     */
    List<EntityHit> recognise(Article article);

    /**
     * The same for an article whose words are already tokenised: {@code text} is {@link ArticleText#of(Article,
     * org.raqib.streams.text.TextAnalyzer) made from} {@code article}. Recognition that reads tokens reuses them
     * instead of tokenising again; by default this ignores them.
     */
    default List<EntityHit> recognise(Article article, ArticleText text) {
        return recognise(article);
    }
}

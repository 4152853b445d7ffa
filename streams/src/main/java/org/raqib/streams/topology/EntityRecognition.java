package org.raqib.streams.topology;

import java.util.List;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;

/** Finds the storyline's entities in an article. Implementations are thread-safe: every stream thread shares one. */
@FunctionalInterface
public interface EntityRecognition {

    /**
     * The entities named in {@code article}, with mention offsets into the original strings: field {@code title}
     * is {@link Article#title()}, field {@code body} is {@link Article#text()} (the body, or the summary when the
     * article has no body).
     */
    List<EntityHit> recognise(Article article);
}

package org.raqib.streams.match;

import java.util.List;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.RuleHit;

/**
 * Supplies the rule hits for an article whose entities are already recognised; the rule engine plugs in here
 * (its rule book's {@code evaluate(Article, List<EntityHit>)} has this shape). Implementations are thread-safe.
 */
@FunctionalInterface
public interface RuleHits {

    /** No rules: every article gets an empty list. */
    RuleHits NONE = (article, entities) -> List.of();

    /** The rules {@code article} matches, best first. */
    List<RuleHit> hits(Article article, List<EntityHit> entities);
}

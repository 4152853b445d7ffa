package org.raqib.streams.topology;

import java.util.List;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Rule;
import org.raqib.core.model.RuleHit;
import org.raqib.streams.text.ArticleText;

/**
 * The analysts' rules as they are right now. The topology's global rules store calls {@link #upsert} and
 * {@link #remove} as records arrive on {@code raqib.rules}, and every stream thread calls {@link #evaluate}, so
 * implementations must be thread-safe and make a change visible to evaluations that start after it.
 */
public interface LiveRules {

    /** The id of the rule whose hit puts an article in the storyline. */
    String STORYLINE_RULE_ID = "storyline";

    /** Adds or replaces a rule. A rule that does not compile is rejected with an {@link IllegalArgumentException}. */
    void upsert(Rule rule);

    /** Removes the rule with {@code id}, if present. */
    void remove(String id);

    /** The rules that match {@code article}, given the entities recognised in it. */
    List<RuleHit> evaluate(Article article, List<EntityHit> entities);

    /**
     * The same for an article whose words are already tokenised: {@code text} is {@link ArticleText#of(Article,
     * org.raqib.streams.text.TextAnalyzer) made from} {@code article}. Rules that read tokens reuse them instead of
     * tokenising again; by default this ignores them.
     */
    default List<RuleHit> evaluate(Article article, List<EntityHit> entities, ArticleText text) {
        return evaluate(article, entities);
    }
}

package org.raqib.streams.rules;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Rule;
import org.raqib.core.model.RuleHit;
import org.raqib.streams.text.ArticleText;
import org.raqib.streams.topology.LiveRules;

/**
 * The live rules the topology evaluates: a volatile {@link CompiledRules} replaced on every change. Changes are
 * serialised; evaluations never lock and always see one complete set of rules.
 */
public final class RuleBook implements LiveRules {

    private final TextAnalysis analysis;
    private volatile CompiledRules compiled;

    /**
     * @param analysis the analysis articles and keywords go through (the streams text analyser)
     * @param initial the rules to start with, for example {@link DefaultRules#load()}
     * @throws RuleSyntaxException when an initial rule cannot be read
     */
    public RuleBook(TextAnalysis analysis, Collection<Rule> initial) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.compiled = CompiledRules.compile(initial, analysis);
    }

    /** Adds or replaces a rule; a rule that does not compile throws {@link RuleSyntaxException} and changes nothing. */
    @Override
    public synchronized void upsert(Rule rule) {
        List<String> problems = RuleValidator.problems(rule, analysis);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        compiled = compiled.with(rule);
    }

    @Override
    public synchronized void remove(String id) {
        compiled = compiled.without(id);
    }

    @Override
    public List<RuleHit> evaluate(Article article, List<EntityHit> entities) {
        return compiled.match(AnalyzedArticle.of(article, entities, analysis));
    }

    @Override
    public List<RuleHit> evaluate(Article article, List<EntityHit> entities, ArticleText text) {
        return compiled.match(AnalyzedArticle.of(article, entities, text, analysis));
    }

    /** The rules as they are now. */
    public CompiledRules current() {
        return compiled;
    }
}

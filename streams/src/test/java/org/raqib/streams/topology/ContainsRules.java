package org.raqib.streams.topology;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Rule;
import org.raqib.core.model.RuleHit;

/** A stand-in rule engine for topology tests: a rule's query is one word that the title or text must contain. */
final class ContainsRules implements LiveRules {

    private final Map<String, Rule> rules = new ConcurrentHashMap<>();

    @Override
    public void upsert(Rule rule) {
        if (rule.query().isBlank()) {
            throw new IllegalArgumentException("empty query");
        }
        rules.put(rule.id(), rule);
    }

    @Override
    public void remove(String id) {
        rules.remove(id);
    }

    @Override
    public List<RuleHit> evaluate(Article article, List<EntityHit> entities) {
        return rules.values().stream()
                .filter(r -> (article.title() + " " + article.text()).contains(r.query()))
                .map(r -> new RuleHit(r.id(), r.name(), r.severity(), 1.0, List.of(r.query())))
                .sorted(java.util.Comparator.comparing(RuleHit::id))
                .toList();
    }
}

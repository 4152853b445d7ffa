package org.raqib.core.model;

import java.util.List;

/**
 * A rule that matched an article.
 *
 * @param id rule id
 * @param name the rule's human name
 * @param severity {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param score 0..1, how strongly it matched
 * @param terms the terms and entity conditions that made it match, as written in the rule
 */
public record RuleHit(String id, String name, String severity, double score, List<String> terms) {

    public RuleHit {
        terms = List.copyOf(terms);
    }
}

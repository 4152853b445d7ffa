package org.raqib.streams.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.raqib.core.model.Rule;

/**
 * Checks a rule before it is written to {@code raqib.rules}, so that an invalid rule never reaches the topology. Used
 * by {@code raqib rules push} and the HTTP API.
 */
public final class RuleValidator {

    /** The severities a rule may have, least urgent first. */
    public static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Set<String> SEVERITY_SET = Set.copyOf(SEVERITIES);

    private RuleValidator() {}

    /**
     * Every problem with {@code rule}, each a sentence an analyst can act on; empty when the rule is valid. Query
     * problems carry the line and column within the query.
     */
    public static List<String> problems(Rule rule) {
        Objects.requireNonNull(rule, "rule");
        List<String> problems = new ArrayList<>();
        if (!ID.matcher(rule.id()).matches()) {
            problems.add("rule id '" + rule.id() + "' must be 1 to 100 letters, digits, '.', '_' or '-'"
                    + " (for example agadem-oil)");
        }
        if (!SEVERITY_SET.contains(rule.severity())) {
            problems.add("rule '" + rule.id() + "': severity '" + rule.severity() + "' is not one of "
                    + String.join(", ", SEVERITIES));
        }
        if (rule.name().isBlank()) {
            problems.add("rule '" + rule.id() + "': the name is empty; give the rule a short human name");
        }
        try {
            Query query = QueryParser.parse(rule.id(), rule.query());
            if (query instanceof Query.Not) {
                problems.add("rule '" + rule.id() + "': a query that only says what must NOT be present matches"
                        + " almost every article; add a keyword or condition that must be present");
            }
            if (hasBlankKeyword(query)) {
                problems.add("rule '" + rule.id() + "': a keyword has no letters or digits to search for;"
                        + " remove it or put it in a phrase with words");
            }
        } catch (RuleSyntaxException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /**
     * The same checks, and the rule must also compile with {@code analysis} (the analysis the topology uses).
     */
    public static List<String> problems(Rule rule, TextAnalysis analysis) {
        List<String> problems = problems(rule);
        if (problems.isEmpty()) {
            try {
                CompiledRule.compile(rule, analysis);
            } catch (RuleSyntaxException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    private static boolean hasBlankKeyword(Query q) {
        if (q instanceof Query.Terms t) {
            return t.words().stream().anyMatch(w -> w.text().codePoints().noneMatch(Character::isLetterOrDigit));
        } else if (q instanceof Query.Near n) {
            return hasBlankKeyword(n.left()) || hasBlankKeyword(n.right());
        } else if (q instanceof Query.All a) {
            return a.parts().stream().anyMatch(RuleValidator::hasBlankKeyword);
        } else if (q instanceof Query.Any a) {
            return a.parts().stream().anyMatch(RuleValidator::hasBlankKeyword);
        } else if (q instanceof Query.Not n) {
            return hasBlankKeyword(n.part());
        }
        return false;
    }
}

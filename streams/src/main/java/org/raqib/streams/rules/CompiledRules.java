package org.raqib.streams.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.raqib.core.model.Rule;
import org.raqib.core.model.RuleHit;

/**
 * Many rules compiled into one matcher. A shared index maps each required word, prefix, entity, side, type, source and
 * language to the rules that need it, so {@link #match} evaluates only the rules whose anchors occur in the article:
 * the cost grows with the number of candidate rules, not with the number of rules.
 *
 * <p>Immutable and thread-safe. {@link #with(Rule)} and {@link #without(String)} return a new instance that reuses the
 * other rules' compiled forms, so a live rule change costs one rule's compilation plus rebuilding the index.
 */
public final class CompiledRules {

    private final TextAnalysis analysis;
    private final Map<String, CompiledRule> byId;
    private final List<CompiledRule> ordered;
    /** Anchor keys: a word form, a three-letter prefix, or an entity, source or language condition. */
    static final String WORD_KEY = "w:";
    static final String PREFIX_KEY = "p:";
    private static final int[] NO_RULES = new int[0];

    private final Map<String, int[]> wordPostings;
    private final Map<String, int[]> prefixPostings;
    private final Map<String, int[]> conditionPostings;
    private final int[] unanchored;

    private CompiledRules(TextAnalysis analysis, Map<String, CompiledRule> byId) {
        this.analysis = analysis;
        this.byId = Map.copyOf(byId);
        this.ordered = byId.values().stream().sorted(Comparator.comparing(r -> r.rule().id())).toList();
        Map<String, List<Integer>> index = new HashMap<>();
        List<Integer> always = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Optional<Set<String>> anchors = ordered.get(i).anchors();
            if (anchors.isEmpty()) {
                always.add(i);
                continue;
            }
            for (String key : anchors.get()) {
                index.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> words = new HashMap<>();
        Map<String, int[]> prefixes = new HashMap<>();
        Map<String, int[]> conditions = new HashMap<>();
        index.forEach((k, v) -> {
            int[] rules = v.stream().mapToInt(Integer::intValue).toArray();
            if (k.startsWith(WORD_KEY)) {
                words.put(k.substring(WORD_KEY.length()), rules);
            } else if (k.startsWith(PREFIX_KEY)) {
                prefixes.put(k.substring(PREFIX_KEY.length()), rules);
            } else {
                conditions.put(k, rules);
            }
        });
        this.wordPostings = words;
        this.prefixPostings = prefixes;
        this.conditionPostings = conditions;
        // Every word some rule looks for gets an entry, anchors or not, so one lookup per word form both selects
        // candidate rules and records the positions their evaluation needs.
        for (CompiledRule r : ordered) {
            r.words().forEach(w -> words.putIfAbsent(w, NO_RULES));
        }
        this.unanchored = always.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Compiles {@code rules}, folding keywords with {@code analysis} (the same analysis articles go through).
     *
     * @throws RuleSyntaxException for the first rule that cannot be read; check rules with {@link RuleValidator}
     *     first to get every problem
     * @throws IllegalArgumentException when two rules share an id
     */
    public static CompiledRules compile(Collection<Rule> rules, TextAnalysis analysis) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(analysis, "analysis");
        Map<String, CompiledRule> byId = new TreeMap<>();
        for (Rule rule : rules) {
            if (byId.put(rule.id(), CompiledRule.compile(rule, analysis)) != null) {
                throw new IllegalArgumentException("two rules have the id '" + rule.id()
                        + "': give each rule its own id");
            }
        }
        return new CompiledRules(analysis, byId);
    }

    /** No rules. */
    public static CompiledRules empty(TextAnalysis analysis) {
        return new CompiledRules(Objects.requireNonNull(analysis, "analysis"), Map.of());
    }

    /**
     * These rules with {@code rule} added, or replacing the rule with its id.
     *
     * @throws RuleSyntaxException when {@code rule} cannot be read; this instance is unchanged
     */
    public CompiledRules with(Rule rule) {
        Objects.requireNonNull(rule, "rule");
        Map<String, CompiledRule> next = new HashMap<>(byId);
        next.put(rule.id(), CompiledRule.compile(rule, analysis));
        return new CompiledRules(analysis, next);
    }

    /** These rules without the rule {@code id}; the same instance when there is none. */
    public CompiledRules without(String id) {
        if (!byId.containsKey(id)) {
            return this;
        }
        Map<String, CompiledRule> next = new HashMap<>(byId);
        next.remove(id);
        return new CompiledRules(analysis, next);
    }

    /** The rules, by id. */
    public List<Rule> rules() {
        return ordered.stream().map(CompiledRule::rule).toList();
    }

    /** The rule {@code id}, if compiled here. */
    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(byId.get(id)).map(CompiledRule::rule);
    }

    /** How many rules. */
    public int size() {
        return ordered.size();
    }

    /** The rules that match {@code article}, ordered by rule id, each with the terms that made it match. */
    public List<RuleHit> match(AnalyzedArticle article) {
        Objects.requireNonNull(article, "article");
        ArticleView view = new ArticleView(article);
        BitSet candidates = candidates(article, view);
        List<RuleHit> hits = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            ordered.get(i).evaluate(view).ifPresent(hits::add);
        }
        return hits;
    }

    /** How many rules {@link #match} would evaluate for {@code article}, for tests and benchmarks of the pre-filter. */
    public int candidateCount(AnalyzedArticle article) {
        Objects.requireNonNull(article, "article");
        return candidates(article, new ArticleView(article)).cardinality();
    }

    private BitSet candidates(AnalyzedArticle article, ArticleView view) {
        BitSet candidates = new BitSet(ordered.size());
        if (ordered.isEmpty()) {
            return candidates;
        }
        for (int i : unanchored) {
            candidates.set(i);
        }
        List<TextAnalysis.AnalyzedWord> title = article.title();
        for (int i = 0; i < title.size(); i++) {
            addWord(title.get(i), i, view, candidates);
        }
        List<TextAnalysis.AnalyzedWord> body = article.body();
        for (int i = 0; i < body.size(); i++) {
            addWord(body.get(i), view.bodyPosition(i), view, candidates);
        }
        for (String key : ArticleView.conditionKeys(article)) {
            set(conditionPostings.get(key), candidates);
        }
        return candidates;
    }

    private void addWord(TextAnalysis.AnalyzedWord word, int position, ArticleView view, BitSet candidates) {
        for (String form : word.forms()) {
            int[] rules = wordPostings.get(form);
            if (rules != null) {
                view.addPosition(form, position);
                set(rules, candidates);
            }
            if (!prefixPostings.isEmpty() && form.length() >= ArticleView.MIN_PREFIX) {
                set(prefixPostings.get(ArticleView.prefixKey(form)), candidates);
            }
        }
    }

    private static void set(int[] rules, BitSet candidates) {
        if (rules != null) {
            for (int i : rules) {
                candidates.set(i);
            }
        }
    }
}

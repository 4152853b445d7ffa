package org.raqib.streams.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.raqib.core.model.Rule;
import org.raqib.core.model.RuleHit;
import org.raqib.streams.rules.Query.Ending;
import org.raqib.streams.rules.Query.Scope;
import org.raqib.streams.rules.TextAnalysis.AnalyzedWord;

/**
 * One rule compiled: its matcher tree with folded keywords, and the index keys of which at least one must occur in an
 * article for the rule to be able to match (its anchors). Immutable.
 */
final class CompiledRule {

    /** Endings a {@code word~} may take: feminine, dual, plurals and gentilics, as written before folding. */
    private static final List<String> ENDINGS = List.of("ة", "ات", "ون", "ين", "ان", "تان", "تين", "ي", "ية", "يون",
            "يين", "يات");

    private final Rule rule;
    private final Node root;
    private final Set<String> anchors;
    private final Set<String> words;

    private CompiledRule(Rule rule, Node root, Set<String> anchors, Set<String> words) {
        this.rule = rule;
        this.root = root;
        this.anchors = anchors;
        this.words = Set.copyOf(words);
    }

    /**
     * Parses and compiles {@code rule}.
     *
     * @throws RuleSyntaxException when its query cannot be read or a keyword has no letters
     */
    static CompiledRule compile(Rule rule, TextAnalysis analysis) {
        Query query = QueryParser.parse(rule.id(), rule.query());
        Compiler compiler = new Compiler(rule.id(), analysis, new HashSet<>());
        Node root = compiler.node(query);
        return new CompiledRule(rule, root, root.anchors(), compiler.words());
    }

    Rule rule() {
        return rule;
    }

    /** Every folded word form the rule looks for (not prefixes): the only forms an article needs positions for. */
    Set<String> words() {
        return words;
    }

    /** Index keys of which one must be present, or empty when the rule must be evaluated for every article. */
    Optional<Set<String>> anchors() {
        return Optional.ofNullable(anchors);
    }

    Optional<RuleHit> evaluate(ArticleView article) {
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        if (!root.matches(article, terms)) {
            return Optional.empty();
        }
        double score = Math.min(1.0, 0.4 + 0.2 * terms.size());
        return Optional.of(new RuleHit(rule.id(), rule.name(), rule.severity(), score, List.copyOf(terms)));
    }

    /** A compiled query node. {@code anchors()} returns null when no key set can rule the node out. */
    private interface Node {
        boolean matches(ArticleView article, Set<String> terms);

        Set<String> anchors();
    }

    /** Matches one word position: any of {@code keys} among the word's forms, or a form starting with prefix. */
    record WordMatcher(Set<String> keys, String prefix) {
        boolean matchesAt(ArticleView article, int position) {
            for (String form : article.formsAt(position)) {
                if (prefix != null ? form.startsWith(prefix) : keys.contains(form)) {
                    return true;
                }
            }
            return false;
        }

        Set<String> anchors() {
            if (prefix != null) {
                return Set.of(CompiledRules.PREFIX_KEY + ArticleView.prefixKey(prefix));
            }
            Set<String> out = new HashSet<>();
            keys.forEach(k -> out.add(CompiledRules.WORD_KEY + k));
            return out;
        }
    }

    private record TermsNode(List<WordMatcher> words, Scope scope, String written) implements Located {
        @Override
        public boolean matches(ArticleView article, Set<String> terms) {
            if (starts(article).length == 0) {
                return false;
            }
            terms.add(written);
            return true;
        }

        @Override
        public List<int[]> spans(ArticleView article) {
            return Arrays.stream(starts(article)).mapToObj(p -> new int[] {p, p + words.size() - 1}).toList();
        }

        /** Start positions, ascending, of every occurrence in scope. */
        int[] starts(ArticleView article) {
            WordMatcher first = words.get(0);
            // A fresh array from the view: the starts are kept in place, at its front.
            int[] starts = article.positions(first.keys(), first.prefix());
            int found = 0;
            for (int p : starts) {
                if (!article.inScope(p, scope)) {
                    continue;
                }
                boolean all = true;
                for (int i = 1; i < words.size() && all; i++) {
                    all = article.sameLine(p, p + i) && words.get(i).matchesAt(article, p + i);
                }
                if (all) {
                    starts[found++] = p;
                }
            }
            return found == starts.length ? starts : Arrays.copyOf(starts, found);
        }

        @Override
        public Set<String> anchors() {
            // The first word is enough: a phrase cannot occur without it.
            return words.get(0).anchors();
        }
    }

    /** A node whose occurrences have word positions, so that NEAR can measure the distance between two of them. */
    private interface Located extends Node {
        /** Every occurrence as {@code {first, last}} word positions. */
        List<int[]> spans(ArticleView article);
    }

    private record NearNode(Located left, Located right, int distance, String written) implements Node {
        @Override
        public boolean matches(ArticleView article, Set<String> terms) {
            List<int[]> ls = left.spans(article);
            if (ls.isEmpty()) {
                return false;
            }
            for (int[] l : ls) {
                for (int[] r : right.spans(article)) {
                    int gap = r[0] > l[1] ? r[0] - l[1] - 1 : l[0] > r[1] ? l[0] - r[1] - 1 : 0;
                    if (gap <= distance && article.sameLine(l[0], r[0])) {
                        terms.add(written);
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public Set<String> anchors() {
            Set<String> a = left.anchors();
            Set<String> b = right.anchors();
            return a.size() <= b.size() ? a : b;
        }
    }

    /** An OR-group as a side of NEAR: the occurrences of every alternative. */
    private record AnyLocated(List<Located> parts) implements Located {
        @Override
        public List<int[]> spans(ArticleView article) {
            List<int[]> spans = new ArrayList<>();
            parts.forEach(p -> spans.addAll(p.spans(article)));
            return spans;
        }

        @Override
        public boolean matches(ArticleView article, Set<String> terms) {
            boolean any = false;
            for (Located part : parts) {
                any |= part.matches(article, terms);
            }
            return any;
        }

        @Override
        public Set<String> anchors() {
            Set<String> union = new HashSet<>();
            parts.forEach(p -> union.addAll(p.anchors()));
            return union;
        }
    }

    private record AllNode(List<Node> parts) implements Node {
        @Override
        public boolean matches(ArticleView article, Set<String> terms) {
            Set<String> found = new LinkedHashSet<>();
            for (Node part : parts) {
                if (!part.matches(article, found)) {
                    return false;
                }
            }
            terms.addAll(found);
            return true;
        }

        @Override
        public Set<String> anchors() {
            // Every part must match, so the part with the fewest keys is the sharpest filter.
            Set<String> best = null;
            for (Node part : parts) {
                Set<String> a = part.anchors();
                if (a != null && (best == null || a.size() < best.size())) {
                    best = a;
                }
            }
            return best;
        }
    }

    private record AnyNode(List<Node> parts) implements Node {
        @Override
        public boolean matches(ArticleView article, Set<String> terms) {
            boolean any = false;
            for (Node part : parts) {
                // No short cut: every matching alternative is evidence the analyst wants to see.
                any |= part.matches(article, terms);
            }
            return any;
        }

        @Override
        public Set<String> anchors() {
            Set<String> union = new HashSet<>();
            for (Node part : parts) {
                Set<String> a = part.anchors();
                if (a == null) {
                    return null;
                }
                union.addAll(a);
            }
            return union;
        }
    }

    private record NotNode(Node part) implements Node {
        @Override
        public boolean matches(ArticleView article, Set<String> terms) {
            return !part.matches(article, new HashSet<>());
        }

        @Override
        public Set<String> anchors() {
            return null;
        }
    }

    private record EntityNode(Query.Entity condition) implements Located {
        @Override
        public List<int[]> spans(ArticleView article) {
            return article.entitySpans(condition.field(), condition.value());
        }

        @Override
        public boolean matches(ArticleView article, Set<String> terms) {
            if (article.entityCount(condition.field(), condition.value()) >= condition.min()) {
                terms.add(condition.written());
                return true;
            }
            return false;
        }

        @Override
        public Set<String> anchors() {
            return Set.of(ArticleView.entityKey(condition.field(), condition.value()));
        }
    }

    private record SourceNode(String source, String written) implements Node {
        @Override
        public boolean matches(ArticleView article, Set<String> terms) {
            if (article.source().equals(source)) {
                terms.add(written);
                return true;
            }
            return false;
        }

        @Override
        public Set<String> anchors() {
            return Set.of(ArticleView.sourceKey(source));
        }
    }

    private record LangNode(String lang, String written) implements Node {
        @Override
        public boolean matches(ArticleView article, Set<String> terms) {
            if (ArticleView.langMatches(article.lang(), lang)) {
                terms.add(written);
                return true;
            }
            return false;
        }

        @Override
        public Set<String> anchors() {
            return Set.of(ArticleView.langKey(lang));
        }
    }

    /** Turns a query tree into nodes, folding keywords with the articles' analysis. */
    private record Compiler(String ruleId, TextAnalysis analysis, Set<String> words) {

        Node node(Query q) {
            if (q instanceof Query.Terms t) {
                return terms(t);
            } else if (q instanceof Query.Near n) {
                return new NearNode(located(n.left()), located(n.right()), n.distance(), n.written());
            } else if (q instanceof Query.All a) {
                return new AllNode(a.parts().stream().map(this::node).toList());
            } else if (q instanceof Query.Any a) {
                return new AnyNode(a.parts().stream().map(this::node).toList());
            } else if (q instanceof Query.Not n) {
                return new NotNode(node(n.part()));
            } else if (q instanceof Query.Entity e) {
                return new EntityNode(e);
            } else if (q instanceof Query.Source s) {
                return new SourceNode(s.value(), s.written());
            } else {
                Query.Lang l = (Query.Lang) q;
                return new LangNode(l.value(), l.written());
            }
        }

        private Located located(Query q) {
            if (q instanceof Query.Any any) {
                return new AnyLocated(any.parts().stream().map(this::located).toList());
            }
            return q instanceof Query.Terms t ? terms(t) : new EntityNode((Query.Entity) q);
        }

        private TermsNode terms(Query.Terms t) {
            List<WordMatcher> matchers = new ArrayList<>();
            for (Query.Word w : t.words()) {
                List<AnalyzedWord> parts = analysis.words(w.text());
                if (parts.isEmpty()) {
                    throw new RuleSyntaxException(ruleId, 1, 1, "the keyword '" + w.text()
                            + "' has no letters or digits to search for: remove it or put it in a phrase with words");
                }
                for (int i = 0; i < parts.size(); i++) {
                    String folded = parts.get(i).folded();
                    Ending ending = i == parts.size() - 1 ? w.ending() : Ending.EXACT;
                    WordMatcher matcher = switch (ending) {
                        case EXACT -> new WordMatcher(Set.of(folded), null);
                        case PREFIX -> new WordMatcher(null, folded);
                        case INFLECTED -> new WordMatcher(inflections(w.text(), folded), null);
                    };
                    if (matcher.keys() != null) {
                        words.addAll(matcher.keys());
                    }
                    matchers.add(matcher);
                }
            }
            return new TermsNode(matchers, t.scope(), t.written());
        }

        /** The folded word with each ending, folded again so that ة/ه and the like agree with the articles. */
        private Set<String> inflections(String written, String folded) {
            Set<String> keys = new LinkedHashSet<>();
            keys.add(folded);
            String stem = written;
            if (stem.endsWith("ة") || stem.endsWith("ه")) {
                // شاحنة~ should also reach شاحنات: the plural replaces the feminine ending.
                keys.add(fold(stem.substring(0, stem.length() - 1) + "ات"));
                stem = stem.substring(0, stem.length() - 1);
                keys.add(fold(stem + "تين"));
                keys.add(fold(stem + "تان"));
            }
            for (String ending : ENDINGS) {
                keys.add(fold(stem + ending));
            }
            keys.remove("");
            return Set.copyOf(keys);
        }

        private String fold(String word) {
            List<AnalyzedWord> w = analysis.words(word);
            return w.isEmpty() ? "" : w.get(0).folded();
        }
    }
}

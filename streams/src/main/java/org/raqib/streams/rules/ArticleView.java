package org.raqib.streams.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Mention;
import org.raqib.streams.rules.Query.EntityField;
import org.raqib.streams.rules.Query.Scope;
import org.raqib.streams.rules.TextAnalysis.AnalyzedWord;

/**
 * One article indexed for evaluating its candidate rules: word positions by form and entity counts. Title words take
 * positions {@code 0..n-1}; body words start after a gap wider than any NEAR distance, so phrases and NEAR never join
 * a title word to a body word. Built once per article by {@link CompiledRules} while it looks up candidate rules (one
 * hash lookup per word form serves both), used by one thread.
 */
final class ArticleView {

    private static final int GAP = QueryParser.MAX_NEAR + 2;
    private static final int[] NONE = new int[0];
    static final int MIN_PREFIX = 3;

    private final String source;
    private final String lang;
    private final List<AnalyzedWord> title;
    private final List<AnalyzedWord> body;
    private final int bodyStart;
    private final int end;
    private final Map<String, Positions> positions = new HashMap<>();
    private final Map<String, Integer> entityCounts = new HashMap<>();
    private final List<EntityHit> entities;

    ArticleView(AnalyzedArticle article) {
        this.source = article.source();
        this.lang = article.lang();
        this.title = article.title();
        this.body = article.body();
        this.bodyStart = title.size() + GAP;
        this.end = bodyStart + body.size();
        this.entities = article.entities();
        for (EntityHit e : article.entities()) {
            entityCounts.merge(entityKey(EntityField.ID, e.id()), e.mentions().size(), Integer::sum);
            entityCounts.merge(entityKey(EntityField.SIDE, e.side()), 1, Integer::sum);
            entityCounts.merge(entityKey(EntityField.TYPE, e.type()), 1, Integer::sum);
        }
    }

    /** The position of the {@code index}th body word. */
    int bodyPosition(int index) {
        return bodyStart + index;
    }

    /** Records that a form some rule looks for occurs at {@code position}. */
    void addPosition(String form, int position) {
        positions.computeIfAbsent(form, f -> new Positions()).add(position);
    }

    List<String> formsAt(int position) {
        if (position >= 0 && position < title.size()) {
            return title.get(position).forms();
        }
        if (position >= bodyStart && position < end) {
            return body.get(position - bodyStart).forms();
        }
        return List.of();
    }

    /**
     * Positions, ascending, of words with one of {@code wanted} among their forms, or a form starting with
     * {@code prefix}; an array of the caller's own, which it may overwrite.
     */
    int[] positions(Set<String> wanted, String prefix) {
        if (prefix != null) {
            Positions out = new Positions();
            for (int p = 0; p < end; p++) {
                for (String f : formsAt(p)) {
                    if (f.startsWith(prefix)) {
                        out.add(p);
                        break;
                    }
                }
            }
            return out.toArray();
        }
        if (wanted.size() == 1) {
            Positions at = positions.get(wanted.iterator().next());
            return at == null ? NONE : at.toArray();
        }
        Positions out = new Positions();
        for (String w : wanted) {
            Positions at = positions.get(w);
            if (at != null) {
                out.addAll(at);
            }
        }
        int[] sorted = out.toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    boolean inScope(int position, Scope scope) {
        return switch (scope) {
            case ANY -> true;
            case TITLE -> position < bodyStart;
            case BODY -> position >= bodyStart;
        };
    }

    private int lineOf(int position) {
        if (position < title.size()) {
            return title.get(position).line();
        }
        return position >= bodyStart && position < end ? body.get(position - bodyStart).line() : -1;
    }

    /** Whether two positions are in the same field and on the same line (paragraph) of it. */
    boolean sameLine(int a, int b) {
        return (a < bodyStart) == (b < bodyStart) && b < end && a < end && lineOf(a) == lineOf(b);
    }

    /**
     * The word positions of every mention of the entities {@code field}/{@code value} selects, as {@code {first,
     * last}}: the words the mention's offsets overlap.
     */
    List<int[]> entitySpans(EntityField field, String value) {
        List<int[]> spans = new ArrayList<>();
        for (EntityHit e : entities) {
            String v = switch (field) {
                case ID -> e.id();
                case SIDE -> e.side();
                case TYPE -> e.type();
            };
            if (!value.equals(v)) {
                continue;
            }
            for (Mention m : e.mentions()) {
                boolean inTitle = m.field().equals("title");
                List<AnalyzedWord> words = inTitle ? title : body;
                int offset = inTitle ? 0 : bodyStart;
                int first = -1;
                int last = -1;
                for (int i = 0; i < words.size(); i++) {
                    AnalyzedWord w = words.get(i);
                    if (w.end() > m.start() && w.start() < m.end()) {
                        first = first < 0 ? i : first;
                        last = i;
                    } else if (w.start() >= m.end()) {
                        break;
                    }
                }
                if (first >= 0) {
                    spans.add(new int[] {offset + first, offset + last});
                }
            }
        }
        return spans;
    }

    int entityCount(EntityField field, String value) {
        return entityCounts.getOrDefault(entityKey(field, value), 0);
    }

    String source() {
        return source;
    }

    String lang() {
        return lang;
    }

    static boolean langMatches(String articleLang, String wanted) {
        return articleLang.equals(wanted) || articleLang.startsWith(wanted + "-");
    }

    static String prefixKey(String prefix) {
        return prefix.substring(0, Math.min(MIN_PREFIX, prefix.length()));
    }

    /** The index keys of an article's entities, source and language (its words are looked up directly). */
    static List<String> conditionKeys(AnalyzedArticle article) {
        List<String> keys = new ArrayList<>();
        for (EntityHit e : article.entities()) {
            keys.add(entityKey(EntityField.ID, e.id()));
            keys.add(entityKey(EntityField.SIDE, e.side()));
            keys.add(entityKey(EntityField.TYPE, e.type()));
        }
        keys.add(sourceKey(article.source()));
        keys.add(langKey(article.lang()));
        int dash = article.lang().indexOf('-');
        if (dash > 0) {
            keys.add(langKey(article.lang().substring(0, dash)));
        }
        return keys;
    }

    static String entityKey(EntityField field, String value) {
        return switch (field) {
            case ID -> "e:" + value;
            case SIDE -> "s:" + value;
            case TYPE -> "t:" + value;
        };
    }

    static String sourceKey(String source) {
        return "src:" + source;
    }

    static String langKey(String lang) {
        return "lang:" + lang;
    }

    /**
     * A growing list of word positions. Every word of every article adds the positions of the forms rules look for,
     * so they are kept as ints rather than boxed in lists.
     */
    private static final class Positions {
        private int[] at = new int[2];
        private int size;

        void add(int position) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = position;
        }

        void addAll(Positions other) {
            for (int i = 0; i < other.size; i++) {
                add(other.at[i]);
            }
        }

        int[] toArray() {
            return Arrays.copyOf(at, size);
        }
    }
}

package org.raqib.streams.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.raqib.core.model.EntityHit;
import org.raqib.streams.rules.Query.EntityField;
import org.raqib.streams.rules.Query.Scope;
import org.raqib.streams.rules.TextAnalysis.AnalyzedWord;

/**
 * One article indexed for evaluating many rules: word positions by form, entity counts, and the index keys that
 * select candidate rules. Title words take positions {@code 0..n-1}; body words start after a gap wider than any
 * NEAR distance, so phrases and NEAR never join a title word to a body word. Built once per article, used by one
 * thread.
 */
final class ArticleView {

    private static final int GAP = QueryParser.MAX_NEAR + 2;
    private static final int MIN_PREFIX = 3;

    private final String source;
    private final String lang;
    private final int bodyStart;
    private final List<List<String>> forms = new ArrayList<>();
    private final Map<String, List<Integer>> positions = new HashMap<>();
    private final Map<String, Integer> entityCounts = new HashMap<>();
    private final Set<String> keys = new LinkedHashSet<>();

    ArticleView(AnalyzedArticle article) {
        this.source = article.source();
        this.lang = article.lang();
        for (AnalyzedWord w : article.title()) {
            add(w);
        }
        bodyStart = forms.size() + GAP;
        for (int i = 0; i < GAP; i++) {
            forms.add(List.of());
        }
        for (AnalyzedWord w : article.body()) {
            add(w);
        }
        for (EntityHit e : article.entities()) {
            entityCounts.merge(entityKey(EntityField.ID, e.id()), e.mentions().size(), Integer::sum);
            entityCounts.merge(entityKey(EntityField.SIDE, e.side()), 1, Integer::sum);
            entityCounts.merge(entityKey(EntityField.TYPE, e.type()), 1, Integer::sum);
        }
        keys.addAll(entityCounts.keySet());
        keys.add(sourceKey(source));
        keys.add(langKey(lang));
        int dash = lang.indexOf('-');
        if (dash > 0) {
            keys.add(langKey(lang.substring(0, dash)));
        }
    }

    private void add(AnalyzedWord word) {
        int position = forms.size();
        List<String> all = withArticle(word.forms());
        forms.add(all);
        for (String form : all) {
            positions.computeIfAbsent(form, f -> new ArrayList<>(2)).add(position);
            keys.add(wordKey(form));
            if (form.length() >= MIN_PREFIX) {
                keys.add(prefixKey(form));
            }
        }
    }

    /**
     * The forms plus each bare form with the article, when the word has it behind a clitic: بالجفرة reaches both
     * جفرة and الجفرة, so an analyst may write a keyword with or without ال.
     */
    private static List<String> withArticle(List<String> forms) {
        String folded = forms.get(0);
        Set<String> out = new LinkedHashSet<>(forms);
        for (int i = 1; i < forms.size(); i++) {
            String definite = "ال" + forms.get(i);
            if (folded.endsWith(definite)) {
                out.add(definite);
            }
        }
        return List.copyOf(out);
    }

    /** Index keys present in this article. */
    Set<String> keys() {
        return keys;
    }

    List<String> formsAt(int position) {
        return position >= 0 && position < forms.size() ? forms.get(position) : List.of();
    }

    /** Positions of words with one of {@code wanted} among their forms, or a form starting with {@code prefix}. */
    List<Integer> positions(Set<String> wanted, String prefix) {
        if (prefix != null) {
            List<Integer> out = new ArrayList<>();
            for (int p = 0; p < forms.size(); p++) {
                for (String f : forms.get(p)) {
                    if (f.startsWith(prefix)) {
                        out.add(p);
                        break;
                    }
                }
            }
            return out;
        }
        if (wanted.size() == 1) {
            return positions.getOrDefault(wanted.iterator().next(), List.of());
        }
        List<Integer> out = new ArrayList<>();
        for (String w : wanted) {
            out.addAll(positions.getOrDefault(w, List.of()));
        }
        out.sort(null);
        return out;
    }

    boolean inScope(int position, Scope scope) {
        return switch (scope) {
            case ANY -> true;
            case TITLE -> position < bodyStart;
            case BODY -> position >= bodyStart;
        };
    }

    boolean sameField(int a, int b) {
        return (a < bodyStart) == (b < bodyStart) && b < forms.size();
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

    static String wordKey(String form) {
        return "w:" + form;
    }

    static String prefixKey(String prefix) {
        return "p:" + prefix.substring(0, Math.min(MIN_PREFIX, prefix.length()));
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
}

package org.raqib.streams.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.raqib.streams.text.ArabicMorphology;
import org.raqib.streams.text.TextAnalyzer;
import org.raqib.streams.text.Token;

/**
 * The rule engine's view of the streams text analyser: each {@link Token}'s folded form, the bare forms {@link
 * ArabicMorphology} gives, and — when stripping removed the article, as in للنيجر or بالجفرة — the bare form with
 * the article, so a keyword written with ال (النيجر) matches it too. Thread-safe.
 */
public final class TokenAnalysis implements TextAnalysis {

    private final TextAnalyzer analyzer;

    /** @param analyzer the analyser the recogniser uses, so rules and entities see the same words */
    public TokenAnalysis(TextAnalyzer analyzer) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /** The analysis with a default {@link TextAnalyzer}. */
    public static TokenAnalysis standard() {
        return new TokenAnalysis(new TextAnalyzer());
    }

    @Override
    public List<AnalyzedWord> words(String text) {
        return words(text, analyzer.tokens(text));
    }

    @Override
    public List<AnalyzedWord> words(String text, List<Token> tokens) {
        List<AnalyzedWord> words = new ArrayList<>(tokens.size());
        int line = 0;
        int scanned = 0;
        for (Token t : tokens) {
            for (; scanned < t.start(); scanned++) {
                if (text.charAt(scanned) == '\n') {
                    line++;
                }
            }
            words.add(new AnalyzedWord(t.start(), t.end(), t.surface(), forms(t.folded(), t.bareForms()), line));
        }
        return words;
    }

    private static List<String> forms(String folded, List<String> bare) {
        if (bare.size() == 1) {
            return bare;
        }
        // A word has a handful of forms: a list with a contains check is cheaper than a set, and this runs per word.
        List<String> forms = new ArrayList<>(bare.size() * 2);
        forms.addAll(bare);
        for (int i = 1; i < bare.size(); i++) {
            String stem = bare.get(i);
            if (ArabicMorphology.strippedArticle(folded, folded.length() - stem.length())) {
                String withArticle = "ال" + stem;
                if (!forms.contains(withArticle)) {
                    forms.add(withArticle);
                }
            }
        }
        return Collections.unmodifiableList(forms);
    }
}

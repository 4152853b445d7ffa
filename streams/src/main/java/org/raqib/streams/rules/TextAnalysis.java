package org.raqib.streams.rules;

import java.util.List;
import org.raqib.streams.text.TextAnalyzer;
import org.raqib.streams.text.Token;

/**
 * How the rule engine reads text: words with their folded form and the bare forms that clitic and article stripping
 * give. Rules fold their keywords through the same analysis as articles, so a keyword matches every spelling the
 * analyser folds together. Implementations are thread-safe.
 */
@FunctionalInterface
public interface TextAnalysis {

    /** The words of {@code text}, in order, with offsets into {@code text}. */
    List<AnalyzedWord> words(String text);

    /**
     * The words of {@code text} given its {@link TextAnalyzer} tokens: an analysis built on those tokens reuses them
     * instead of tokenising again; by default they are ignored.
     */
    default List<AnalyzedWord> words(String text, List<Token> tokens) {
        return words(text);
    }

    /**
     * One word of a text.
     *
     * @param start first char in the original text, inclusive
     * @param end last char, exclusive
     * @param surface the original substring
     * @param forms the folded word first, then its bare forms (clitics and article stripped), without repeats
     * @param line the 0-based line (paragraph) of the text the word is on; phrases and NEAR never cross lines
     */
    record AnalyzedWord(int start, int end, String surface, List<String> forms, int line) {
        public AnalyzedWord {
            forms = List.copyOf(forms);
            if (forms.isEmpty()) {
                throw new IllegalArgumentException("a word needs at least its folded form");
            }
        }

        /** A word on the text's first line. */
        public AnalyzedWord(int start, int end, String surface, List<String> forms) {
            this(start, end, surface, forms, 0);
        }

        /** The folded word. */
        public String folded() {
            return forms.get(0);
        }
    }
}

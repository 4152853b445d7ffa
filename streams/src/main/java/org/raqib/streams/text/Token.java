package org.raqib.streams.text;

import java.util.List;

/**
 * One word of a text.
 *
 * @param start first UTF-16 char of the word in the ORIGINAL text, inclusive
 * @param end last char, exclusive; {@code text.substring(start, end).equals(surface)} always holds
 * @param surface the original substring, diacritics, tatweel and clitics included
 * @param folded the normalised form used for matching (see {@link TextFolding})
 * @param arabic whether the word is written in Arabic script
 * @param bareForms {@link ArabicMorphology#bareForms} of {@code folded}, unmodifiable: worked out once per word
 *     because the recogniser and the rule engine each read them
 */
public record Token(int start, int end, String surface, String folded, boolean arabic, List<String> bareForms) {

    /** A token whose bare forms are worked out from {@code folded}. */
    public Token(int start, int end, String surface, String folded, boolean arabic) {
        this(start, end, surface, folded, arabic, ArabicMorphology.bareForms(folded));
    }

    public Token {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("token offsets must satisfy 0 <= start < end, got " + start + ".." + end);
        }
        if (surface.length() != end - start) {
            throw new IllegalArgumentException("token surface must span its offsets, got '" + surface + "' for "
                    + start + ".." + end);
        }
        if (folded.isEmpty()) {
            throw new IllegalArgumentException("a token needs a non-empty folded form, got none for '" + surface + "'");
        }
        bareForms = List.copyOf(bareForms);
    }
}

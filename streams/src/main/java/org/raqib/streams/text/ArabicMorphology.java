package org.raqib.streams.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Light, dictionary-free clitic stripping for matching Arabic words.
 *
 * <p>Arabic glues the conjunctions و and ف, the prepositions ب, ك and ل and the article ال to the word that follows
 * (والنيجر، فباماكو، للنيجر = ل + النيجر with the article's alef dropped). Rather than guess the one right analysis,
 * {@link #bareForms} lists every candidate and lets the lookup take the longest that names something: بنغازي stays
 * بنغازي because it is in the gazetteer before نغازي is tried. A stem shorter than {@value #MIN_STEM} letters is never
 * offered, so short words are not cut into nonsense.
 */
public final class ArabicMorphology {

    /** The fewest letters a stem keeps after stripping. */
    public static final int MIN_STEM = 3;

    private static final String ARTICLE = "\u0627\u0644";
    private static final char LAM = '\u0644';

    private ArabicMorphology() {
    }

    /**
     * The candidate forms of a folded word: the word itself first, then the stems left by stripping proclitics
     * and the article, longest first, without repeats. Latin-script words and words without proclitics give just
     * themselves. The list is unmodifiable; {@link Token#bareForms()} holds it for each word of an analysed text.
     */
    public static List<String> bareForms(String folded) {
        if (folded.length() <= MIN_STEM || !startsWithClitic(folded.charAt(0))) {
            return List.of(folded);
        }
        // cut points after: an optional conjunction, an optional preposition, an optional article
        long cuts = 0;
        int conjEnd = isConjunction(folded.charAt(0)) ? 1 : 0;
        for (int c = 0; c <= conjEnd; c++) {
            int prepEnd = c < folded.length() && isPreposition(folded.charAt(c)) ? c + 1 : c;
            for (int p = c; p <= prepEnd; p++) {
                cuts |= 1L << p;
                if (p > c && folded.charAt(p - 1) == LAM && p < folded.length() && folded.charAt(p) == LAM) {
                    // ل + ال is written لل: the article's alef is dropped
                    cuts |= 1L << (p + 1);
                } else if (folded.startsWith(ARTICLE, p)) {
                    cuts |= 1L << (p + 2);
                }
            }
        }
        List<String> forms = new ArrayList<>(4);
        forms.add(folded);
        for (int cut = 1; cut < Math.min(64, folded.length()); cut++) {
            if ((cuts & (1L << cut)) != 0 && folded.length() - cut >= MIN_STEM) {
                forms.add(folded.substring(cut));
            }
        }
        return List.copyOf(forms);
    }

    private static boolean isConjunction(char c) {
        return c == '\u0648' || c == '\u0641';
    }

    private static boolean isPreposition(char c) {
        return c == '\u0628' || c == '\u0643' || c == LAM;
    }

    private static boolean startsWithClitic(char c) {
        return c == '\u0648' || c == '\u0641' || c == '\u0628' || c == '\u0643' || c == '\u0644' || c == '\u0627';
    }

    /** Whether stripping {@code strippedPrefixLength} chars from {@code folded} removed the article ال. */
    public static boolean strippedArticle(String folded, int strippedPrefixLength) {
        if (strippedPrefixLength < 2) {
            return false;
        }
        int at = strippedPrefixLength - 2;
        return folded.startsWith(ARTICLE, at) || folded.startsWith("\u0644\u0644", at);
    }

}

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

    private static final String[] CONJUNCTIONS = {"", "\u0648", "\u0641"};
    private static final String[] PREPOSITIONS = {"", "\u0628", "\u0643", "\u0644"};
    private static final String ARTICLE = "\u0627\u0644";
    private static final List<String> PREFIXES = prefixes();

    private ArabicMorphology() {
    }

    /**
     * The candidate forms of a folded word: the word itself first, then the stems left by stripping proclitics
     * and the article, longest first, without repeats. Latin-script words and words without proclitics give just
     * themselves.
     */
    public static List<String> bareForms(String folded) {
        List<String> forms = new ArrayList<>(4);
        forms.add(folded);
        if (folded.length() <= MIN_STEM || !TextFolding.isArabic(folded.charAt(0))) {
            return forms;
        }
        // PREFIXES is sorted shortest first, so the stems come out longest first
        for (String prefix : PREFIXES) {
            if (folded.length() - prefix.length() >= MIN_STEM && folded.startsWith(prefix)) {
                String stem = folded.substring(prefix.length());
                if (!forms.contains(stem)) {
                    forms.add(stem);
                }
            }
        }
        return forms;
    }

    /** Whether stripping {@code strippedPrefixLength} chars from {@code folded} removed the article ال. */
    public static boolean strippedArticle(String folded, int strippedPrefixLength) {
        if (strippedPrefixLength < 2) {
            return false;
        }
        String prefix = folded.substring(0, strippedPrefixLength);
        return prefix.endsWith(ARTICLE) || prefix.endsWith("\u0644\u0644");
    }

    private static List<String> prefixes() {
        List<String> all = new ArrayList<>();
        for (String conj : CONJUNCTIONS) {
            for (String prep : PREPOSITIONS) {
                all.add(conj + prep);
                // ل before the article drops its alef: ل + النيجر is written للنيجر
                all.add(prep.equals("\u0644") ? conj + "\u0644\u0644" : conj + prep + ARTICLE);
            }
        }
        all.removeIf(String::isEmpty);
        List<String> unique = new ArrayList<>();
        for (String p : all) {
            if (!unique.contains(p)) {
                unique.add(p);
            }
        }
        unique.sort((a, b) -> Integer.compare(a.length(), b.length()));
        return List.copyOf(unique);
    }
}

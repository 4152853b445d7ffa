package org.raqib.streams.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.raqib.streams.rules.TextAnalysis.AnalyzedWord;

/**
 * A small stand-in for the streams text analyser, so the engine's tests do not depend on the gazetteer: words are runs
 * of letters and digits; folding removes tashkeel and tatweel and unifies alef forms, ى/ي and ة/ه; bare forms strip
 * the proclitics و ف ب ك ل and the article while three letters remain, and offer
 * the stem with the article when the article was stripped.
 */
final class SimpleAnalysis implements TextAnalysis {

    private static final List<String> PROCLITICS = List.of("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
            "و", "ف", "ب", "ك", "ل");

    @Override
    public List<AnalyzedWord> words(String text) {
        List<AnalyzedWord> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && !isWordChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && isWordChar(text.charAt(i))) {
                i++;
            }
            if (start < i) {
                String surface = text.substring(start, i);
                String folded = fold(surface);
                if (!folded.isEmpty()) {
                    int line = (int) text.substring(0, start).chars().filter(ch -> ch == '\n').count();
                    out.add(new AnalyzedWord(start, i, surface, forms(folded), line));
                }
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || (c >= '\u064B' && c <= '\u065F') || c == '\u0640';
    }

    static String fold(String word) {
        StringBuilder b = new StringBuilder();
        for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= '\u064B' && c <= '\u065F') || c == '\u0640' || c == '\u0670') {
                continue;
            }
            b.append(switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                case 'ى' -> 'ي';
                case 'ة' -> 'ه';
                default -> c;
            });
        }
        return b.toString();
    }

    private static List<String> forms(String folded) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(folded);
        for (String p : PROCLITICS) {
            if (folded.startsWith(p) && folded.length() - p.length() >= 3) {
                forms.add(folded.substring(p.length()));
                if (p.endsWith("ال") || p.endsWith("لل")) {
                    // the keyword may be written with the article: بالجفرة reaches الجفرة
                    forms.add("ال" + folded.substring(p.length()));
                }
            }
        }
        return List.copyOf(forms);
    }
}

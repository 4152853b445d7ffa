package org.raqib.streams.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Arabic and Latin text into {@link Token}s in one pass, keeping each token's offsets into the original text.
 *
 * <p>A token is a run of letters and digits of one kind (Arabic script, other scripts, digits), with the combining
 * marks, tatweel and zero-width or bidi characters inside it; everything else (spaces, Latin and Arabic punctuation
 * such as {@code ، ؛ ؟ « »}, symbols) separates tokens. A change of kind also separates, so Arabic glued to Latin or
 * to digits gives two tokens. Tokens whose folded form is empty (a lone hamza) are dropped. Stateless and
 * thread-safe.
 */
public final class TextAnalyzer {

    private static final int NONE = 0;
    private static final int ARABIC = 1;
    private static final int OTHER = 2;
    private static final int DIGIT = 3;

    /** The words of {@code text}, in order. */
    public List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>(Math.max(4, text.length() / 6));
        int kind = NONE;
        int start = -1;
        int lastEnd = -1;
        StringBuilder folded = new StringBuilder(32);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            int k = kindOf(cp);
            if (k != NONE) {
                if (kind != k) {
                    emit(text, start, lastEnd, folded, kind, tokens);
                    kind = k;
                    start = i;
                }
                TextFolding.append(cp, folded);
                lastEnd = next;
            } else if (kind != NONE && joins(cp)) {
                TextFolding.append(cp, folded);
                lastEnd = next;
            } else {
                emit(text, start, lastEnd, folded, kind, tokens);
                kind = NONE;
            }
            i = next;
        }
        emit(text, start, lastEnd, folded, kind, tokens);
        return tokens;
    }

    private static void emit(String text, int start, int end, StringBuilder folded, int kind, List<Token> out) {
        if (kind != NONE && folded.length() > 0) {
            out.add(new Token(start, end, text.substring(start, end), folded.toString(), kind == ARABIC));
        }
        folded.setLength(0);
    }

    private static int kindOf(int cp) {
        if (cp < 0x80) {
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
                return OTHER;
            }
            return cp >= '0' && cp <= '9' ? DIGIT : NONE;
        }
        if (cp >= 0x0621 && cp <= 0x064A) {
            return cp == 0x0640 ? NONE : ARABIC;
        }
        if (Character.isDigit(cp)) {
            return DIGIT;
        }
        if (Character.isLetter(cp)) {
            return TextFolding.isArabic(cp) ? ARABIC : OTHER;
        }
        return NONE;
    }

    /** Marks, tatweel and invisible format characters stay inside the word they interrupt. */
    private static boolean joins(int cp) {
        if (cp == 0x0640) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.FORMAT;
    }
}

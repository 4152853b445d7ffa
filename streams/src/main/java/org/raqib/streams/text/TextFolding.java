package org.raqib.streams.text;

import java.text.Normalizer;

/**
 * The normalisation that makes spellings of one word compare equal.
 *
 * <p>Per code point: compatibility decomposition (NFKD, which together with mark removal gives NFKC's result for
 * Arabic presentation forms and ligatures), removal of combining marks (tashkeel, Quranic marks, Latin accents),
 * of tatweel and of format characters (zero-width joiners, bidi controls); alef with hamza or madda and wasla to
 * bare alef, hamza on waw or yeh to the bare letter, lone hamza dropped; alef maqsura to yeh, teh marbuta to heh;
 * Persian and Urdu letters to their Arabic counterparts (ک to kaf, ی to yeh, ڤ to feh, پ to beh, چ to jeem, گ to
 * kaf, ژ to zain); Arabic-Indic and extended Arabic-Indic digits to ASCII; letters lower-cased without locale.
 * Folding is idempotent: folding a folded string changes nothing.
 */
public final class TextFolding {

    private static final int MAX_DEPTH = 4;

    private TextFolding() {
    }

    /** The folded form of a whole string. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            append(cp, out);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Appends the folded form of one code point (possibly nothing, possibly several chars). */
    public static void append(int cp, StringBuilder out) {
        append(cp, out, 0);
    }

    private static void append(int cp, StringBuilder out, int depth) {
        if (cp < 0x80) {
            out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            return;
        }
        if (cp >= 0x0600 && cp <= 0x06FF) {
            appendArabic(cp, out);
            return;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || type == Character.SURROGATE) {
            return;
        }
        if (depth >= MAX_DEPTH) {
            out.appendCodePoint(cp);
            return;
        }
        String single = new String(Character.toChars(cp));
        if (!Normalizer.isNormalized(single, Normalizer.Form.NFKD)) {
            String decomposed = Normalizer.normalize(single, Normalizer.Form.NFKD);
            for (int i = 0; i < decomposed.length(); ) {
                int part = decomposed.codePointAt(i);
                append(part, out, depth + 1);
                i += Character.charCount(part);
            }
            return;
        }
        int lower = Character.toLowerCase(cp);
        if (lower != cp) {
            append(lower, out, depth + 1);
            return;
        }
        out.appendCodePoint(cp);
    }

    private static void appendArabic(int cp, StringBuilder out) {
        // the common case first: plain letters that fold to themselves
        if ((cp >= 0x0627 && cp <= 0x0628) || (cp >= 0x062A && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x0648)
                || cp == 0x064A) {
            out.append((char) cp);
            return;
        }
        if (cp >= 0x0660 && cp <= 0x0669) {
            out.append((char) ('0' + cp - 0x0660));
            return;
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
            out.append((char) ('0' + cp - 0x06F0));
            return;
        }
        switch (cp) {
            case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673 -> out.append('\u0627');
            case 0x0624, 0x06C6, 0x06C7, 0x06C8, 0x06CB -> out.append('\u0648');
            case 0x0626, 0x0649, 0x06CC, 0x06D0, 0x06D2, 0x06D3 -> out.append('\u064A');
            case 0x0629, 0x06C0, 0x06C1, 0x06C2, 0x06C3, 0x06BE, 0x06D5 -> out.append('\u0647');
            case 0x06A9, 0x06AA, 0x06AB, 0x06AF, 0x06B1, 0x06B3 -> out.append('\u0643');
            case 0x06A4, 0x06A5 -> out.append('\u0641');
            case 0x067E -> out.append('\u0628');
            case 0x0686 -> out.append('\u062C');
            case 0x0698 -> out.append('\u0632');
            case 0x0621, 0x0640 -> {
                // lone hamza is written or not for the same word; tatweel only stretches a word
            }
            default -> {
                int type = Character.getType(cp);
                if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                        && type != Character.FORMAT) {
                    out.append((char) cp);
                }
            }
        }
    }

    /** Whether a code point is written in Arabic script (letters, marks, presentation forms). */
    public static boolean isArabic(int cp) {
        return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF)
                || (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
    }
}

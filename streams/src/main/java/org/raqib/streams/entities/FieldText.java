package org.raqib.streams.entities;

import java.util.List;
import org.raqib.streams.text.Token;

/**
 * One analysed field of an article: its text, tokens, and where punctuation separates them.
 *
 * @param name {@code title} or {@code body}
 * @param text the original text
 * @param tokens its tokens
 * @param breakBefore for each token, whether punctuation (not just space or quotes) precedes it, or it opens the field
 * @param sentence for each token, the index of its sentence within the field
 */
record FieldText(String name, String text, List<Token> tokens, boolean[] breakBefore, int[] sentence) {

    static FieldText of(String name, String text, List<Token> tokens) {
        boolean[] breaks = new boolean[tokens.size()];
        int[] sentence = new int[tokens.size()];
        int previousEnd = 0;
        int current = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean brk = i == 0;
            for (int c = previousEnd; c < token.start(); c++) {
                char ch = text.charAt(c);
                if (isSentenceEnd(ch)) {
                    brk = true;
                    if (i > 0) {
                        current++;
                    }
                    break;
                }
                if (isBreak(ch)) {
                    brk = true;
                }
            }
            breaks[i] = brk;
            sentence[i] = current;
            previousEnd = token.end();
        }
        return new FieldText(name, text, tokens, breaks, sentence);
    }

    /** The folded token before {@code i} when no punctuation separates them, else the empty string. */
    String previous(int i) {
        return i > 0 && !breakBefore[i] ? tokens.get(i - 1).folded() : "";
    }

    /** The folded token after {@code i} when no punctuation separates them, else the empty string. */
    String next(int i) {
        return i + 1 < tokens.size() && !breakBefore[i + 1] ? tokens.get(i + 1).folded() : "";
    }

    private static boolean isSentenceEnd(char ch) {
        return ch == '.' || ch == '!' || ch == '?' || ch == '\u061F' || ch == '\n' || ch == '\u2026'
                || ch == '\u06D4';
    }

    private static boolean isBreak(char ch) {
        return ch == ',' || ch == '\u060C' || ch == ';' || ch == '\u061B' || ch == ':' || ch == '(' || ch == ')'
                || ch == '[' || ch == ']' || ch == '-' || ch == '\u2013' || ch == '\u2014' || ch == '|' || ch == '/';
    }
}

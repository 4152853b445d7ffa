package org.raqib.core.model;

/**
 * One place where an entity is named in an article.
 *
 * <p>{@code start} and {@code end} are UTF-16 offsets into the ORIGINAL text of {@code field}, so that
 * {@code original.substring(start, end).equals(text)} always holds and a UI can highlight exactly what
 * was written, clitics and diacritics included.
 *
 * @param field {@code "title"} or {@code "body"}
 * @param start first char, inclusive
 * @param end last char, exclusive
 * @param text the original substring
 * @param confidence 0..1, lower for ambiguous aliases and fuzzy spellings
 * @param reason why it counts, for example {@code "alias"}, {@code "sahel-context"}, {@code "fuzzy"}
 */
public record Mention(String field, int start, int end, String text, double confidence, String reason) {

    public Mention {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("mention offsets must satisfy 0 <= start <= end, got " + start + ".." + end);
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("mention confidence must be within 0..1, got " + confidence);
        }
    }
}

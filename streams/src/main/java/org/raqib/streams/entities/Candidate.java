package org.raqib.streams.entities;

/**
 * An alias found in the text before context rules have judged it.
 *
 * @param alias the alias matched
 * @param field {@code title} or {@code body}
 * @param first index of the first token of the match
 * @param last index of the last token, inclusive
 * @param start first char in the original field text
 * @param end last char, exclusive
 * @param prefixLength folded chars of clitics stripped from the first token
 * @param hadArticle whether the stripped clitics included the article ال
 * @param confidence confidence before context rules
 * @param reason why it matched: {@code alias}, {@code gentilic}, {@code fuzzy} or {@code glued}
 */
record Candidate(Alias alias, String field, int first, int last, int start, int end, int prefixLength,
        boolean hadArticle, double confidence, String reason) {

    String entityId() {
        return alias.entity().id();
    }

    boolean inside(Candidate other) {
        return other != this && other.field.equals(field) && other.first <= first && last <= other.last
                && (other.last - other.first) > (last - first);
    }
}

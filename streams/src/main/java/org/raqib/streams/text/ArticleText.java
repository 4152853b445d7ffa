package org.raqib.streams.text;

import java.util.List;
import java.util.Objects;
import org.raqib.core.model.Article;

/**
 * An article's title and text with their {@link TextAnalyzer} tokens: tokenised once per article, then read by
 * everything that reads its words (the entity recogniser and the rule engine). Tokens do not depend on the
 * analyser instance, which has no settings.
 *
 * @param title the title, never null
 * @param titleTokens the title's tokens
 * @param body the text recognition and rules read ({@link Article#text()}: the body, or the summary without one)
 * @param bodyTokens the body's tokens
 */
public record ArticleText(String title, List<Token> titleTokens, String body, List<Token> bodyTokens) {

    public ArticleText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        titleTokens = List.copyOf(titleTokens);
        bodyTokens = List.copyOf(bodyTokens);
    }

    /** Tokenises {@code title} and {@code body} (null reads as empty) with {@code analyzer}. */
    public static ArticleText of(String title, String body, TextAnalyzer analyzer) {
        String t = title == null ? "" : title;
        String b = body == null ? "" : body;
        return new ArticleText(t, analyzer.tokens(t), b, analyzer.tokens(b));
    }

    /** Tokenises {@code article}'s title and {@link Article#text()} with {@code analyzer}. */
    public static ArticleText of(Article article, TextAnalyzer analyzer) {
        return of(article.title(), article.text(), analyzer);
    }
}

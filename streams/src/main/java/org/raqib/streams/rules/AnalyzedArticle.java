package org.raqib.streams.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.streams.text.ArticleText;
import org.raqib.streams.rules.TextAnalysis.AnalyzedWord;

/**
 * What rules are evaluated against: an article's words, its recognised entities, its source and language.
 *
 * @param source the publishing outlet, lower case
 * @param lang BCP 47 language tag, lower case
 * @param title the title's words
 * @param body the body's words (the summary's when the article has no body)
 * @param entities the recognised entities
 */
public record AnalyzedArticle(String source, String lang, List<AnalyzedWord> title, List<AnalyzedWord> body,
        List<EntityHit> entities) {

    public AnalyzedArticle {
        source = Objects.requireNonNullElse(source, "").toLowerCase(Locale.ROOT);
        lang = Objects.requireNonNullElse(lang, "").toLowerCase(Locale.ROOT);
        title = List.copyOf(title);
        body = List.copyOf(body);
        entities = List.copyOf(entities);
    }

    /**
     * Analyses {@code article}'s title and text ({@link Article#text()}) with {@code analysis}.
     *
     * @param entities what the recogniser found in the same article
     */
    public static AnalyzedArticle of(Article article, List<EntityHit> entities, TextAnalysis analysis) {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(analysis, "analysis");
        return new AnalyzedArticle(article.source(), article.lang(), analysis.words(article.title()),
                analysis.words(article.text()), entities);
    }

    /**
     * The same for an article already tokenised in {@code text} (made from {@code article}): an analysis built on
     * {@link org.raqib.streams.text.TextAnalyzer} tokens reuses them.
     */
    public static AnalyzedArticle of(Article article, List<EntityHit> entities, ArticleText text,
            TextAnalysis analysis) {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(analysis, "analysis");
        return new AnalyzedArticle(article.source(), article.lang(), analysis.words(text.title(), text.titleTokens()),
                analysis.words(text.body(), text.bodyTokens()), entities);
    }
}

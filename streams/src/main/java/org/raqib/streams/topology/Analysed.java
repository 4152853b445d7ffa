package org.raqib.streams.topology;

import java.util.List;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.RuleHit;

/**
 * An article after recognition and rule matching, on its way to story clustering (the value of the
 * {@code raqib-streams-raqib-story-key-repartition} topic).
 *
 * @param article the article; a matched one crosses the repartition without its body and summary (see
 *     {@link #slim()}), which only the snippet needed
 * @param entities recognised entities
 * @param rules matched rules
 * @param signature MinHash components of its text, for story clustering
 * @param storyKey the key that brings candidate copies of its story to one partition
 * @param snippet the words around its strongest mention, for its match; null in records written before snippets
 *     were taken here, whose article still has its text
 */
record Analysed(Article article, List<EntityHit> entities, List<RuleHit> rules, int[] signature, String storyKey,
        String snippet) {

    /**
     * This analysis with its snippet taken and the article's body and summary dropped: story clustering and the
     * match need neither, and they are most of the bytes every matched article costs to write, send and read again.
     */
    Analysed slim() {
        Article a = article;
        Article bare = new Article(a.id(), a.feedId(), a.source(), a.url(), a.title(), "", "", a.lang(),
                a.publishedAt(), a.fetchedAt());
        return new Analysed(bare, entities, rules, signature, storyKey, Snippets.around(a, entities));
    }

    /** The snippet for the match: taken before the repartition, or from the article in an older record. */
    String matchSnippet() {
        return snippet != null ? snippet : Snippets.around(article, entities);
    }
}

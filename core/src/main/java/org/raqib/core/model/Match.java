package org.raqib.core.model;

import java.time.Instant;
import java.util.List;

/**
 * An article that matched at least one rule, the value of {@code raqib.matches} (keyed by article id).
 *
 * @param articleId the article's id
 * @param storyId the story cluster it belongs to; syndicated copies of one story share it
 * @param firstInStory true for the first article seen of its story, false for later copies
 * @param source publishing outlet
 * @param feedId feed it came from
 * @param url article address
 * @param title article title
 * @param lang language tag
 * @param publishedAt publication time, null when unknown
 * @param fetchedAt when ingest fetched it
 * @param matchedAt when the topology matched it
 * @param entities recognised entities with mention offsets
 * @param rules matched rules
 * @param storyline whether the default storyline rule matched
 * @param snippet a short extract around the strongest mention
 */
public record Match(
        String articleId,
        String storyId,
        boolean firstInStory,
        String source,
        String feedId,
        String url,
        String title,
        String lang,
        Instant publishedAt,
        Instant fetchedAt,
        Instant matchedAt,
        List<EntityHit> entities,
        List<RuleHit> rules,
        boolean storyline,
        String snippet) {

    public Match {
        entities = List.copyOf(entities);
        rules = List.copyOf(rules);
        snippet = snippet == null ? "" : snippet;
    }
}

package org.raqib.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A story cluster: one story as it was reported, first by one article, then copied or re-published by others.
 *
 * @param id the story id (the first article's id)
 * @param title the first article's title
 * @param articleIds the articles of the story, in arrival order (bounded)
 * @param sources the outlets that reported it, in arrival order
 * @param firstSeen the first article's record time
 * @param lastSeen the latest article's record time
 */
public record Story(String id, String title, List<String> articleIds, List<String> sources, Instant firstSeen,
        Instant lastSeen) {

    public Story {
        articleIds = List.copyOf(articleIds);
        sources = List.copyOf(sources);
    }
}

package org.raqib.streams.stories;

import java.util.List;

/**
 * The recent articles that share one story-signature key, the value of {@code raqib-story-store}; written and read
 * with {@link StoryBucketSerde}.
 *
 * @param entries oldest first
 */
public record StoryBucket(List<Entry> entries) {

    public StoryBucket {
        entries = List.copyOf(entries);
    }

    /**
     * One remembered article.
     *
     * @param articleId its id
     * @param storyId the story it joined
     * @param signature its MinHash components ({@link StorySignature#hashes()})
     * @param timestamp its record time
     */
    public record Entry(String articleId, String storyId, int[] signature, long timestamp) {}
}

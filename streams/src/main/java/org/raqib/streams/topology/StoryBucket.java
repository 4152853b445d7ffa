package org.raqib.streams.topology;

import java.util.List;

/**
 * The recent articles that share one story-signature key, the value of {@code raqib-story-store}.
 *
 * @param entries oldest first, at most {@link ClusterStories#BUCKET_SIZE}
 */
record StoryBucket(List<Entry> entries) {

    StoryBucket {
        entries = List.copyOf(entries);
    }

    /**
     * One remembered article.
     *
     * @param articleId its id
     * @param storyId the story it joined
     * @param signature its MinHash components
     * @param timestamp its record time
     */
    record Entry(String articleId, String storyId, int[] signature, long timestamp) {}
}

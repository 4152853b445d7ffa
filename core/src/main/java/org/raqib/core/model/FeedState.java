package org.raqib.core.model;

import java.time.Instant;
import java.util.List;

/**
 * What ingest remembers about one feed between polls, the value of the compacted {@code raqib.feed-state}
 * topic (keyed by feed id). Because it lives in Kafka, any worker can take a feed over after a rebalance.
 *
 * @param feedId the feed
 * @param etag last ETag, or null
 * @param lastModified last Last-Modified header, or null
 * @param lastPolledAt when it was last polled, or null
 * @param nextPollAt when it is due next, or null for "now"
 * @param newestItemAt the newest item's publication time, or null
 * @param consecutiveFailures failures since the last success, for backoff
 * @param recentItemIds ids of the items seen recently, newest first, bounded
 */
public record FeedState(
        String feedId,
        String etag,
        String lastModified,
        Instant lastPolledAt,
        Instant nextPollAt,
        Instant newestItemAt,
        int consecutiveFailures,
        List<String> recentItemIds) {

    public FeedState {
        recentItemIds = recentItemIds == null ? List.of() : List.copyOf(recentItemIds);
    }

    /** The state of a feed never polled. */
    public static FeedState initial(String feedId) {
        return new FeedState(feedId, null, null, null, null, null, 0, List.of());
    }
}

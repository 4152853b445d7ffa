package org.raqib.streams.topology;

import java.util.Locale;

/**
 * Keys of the recent-matches store: reverse time then article id, so that a store iteration in key order yields the
 * newest matches first and a range from a time onwards yields everything older.
 */
final class RecentKeys {

    private RecentKeys() {}

    static String key(long timestamp, String articleId) {
        return from(timestamp) + "|" + articleId;
    }

    /** The first key of matches at or before {@code timestamp}. */
    static String from(long timestamp) {
        return String.format(Locale.ROOT, "%019d", Long.MAX_VALUE - Math.max(0, timestamp));
    }
}

package org.raqib.ingest.parse;

import java.time.Instant;

/**
 * One entry of a feed, cleaned.
 *
 * @param id identity within the feed: guid, else canonical link, else a hash of title and date
 * @param title plain-text title
 * @param link absolute canonical link (tracking parameters and fragment removed), empty when none
 * @param published publication time, null when absent or unreadable
 * @param updated update time, null when absent or unreadable
 * @param author author, empty when none
 * @param summary plain-text summary, empty when none
 * @param content plain-text full content, paragraphs separated by a blank line, empty when none
 */
public record FeedEntry(String id, String title, String link, Instant published, Instant updated, String author,
        String summary, String content) {}

package org.raqib.ingest.poll;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a fetched feed, as the poller needs it (cleaned by the feed reader).
 *
 * @param id the entry's identity within its feed (guid, canonical link, or a hash), never blank
 * @param title cleaned title
 * @param link absolute address of the article page, empty when none
 * @param publishedAt publication (or update) time, null when the feed gave none readable
 * @param author author, empty when none
 * @param summary cleaned summary, empty when none
 * @param content cleaned full text, empty when the feed carries summaries only
 */
public record FeedItem(
        String id, String title, String link, Instant publishedAt, String author, String summary, String content) {

    public FeedItem {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("feed item id must not be blank");
        }
        title = title == null ? "" : title;
        link = link == null ? "" : link;
        author = author == null ? "" : author;
        summary = summary == null ? "" : summary;
        content = content == null ? "" : content;
    }

    /** The publication time, when known. */
    public Optional<Instant> published() {
        return Optional.ofNullable(publishedAt);
    }
}

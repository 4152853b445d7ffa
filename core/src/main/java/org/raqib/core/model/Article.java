package org.raqib.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One news article as ingest produced it, the value of {@code raqib.articles} (keyed by {@link #id()}).
 *
 * @param id stable article id: the same item always gets the same id, so repeats are recognisable
 * @param feedId the feed it came from, or {@code "import"} for historical imports
 * @param source the publishing outlet (for example {@code "alarabiya"}); a bounded metric tag
 * @param url canonical address of the article page
 * @param title cleaned title, never null (may be empty)
 * @param summary cleaned summary from the feed, never null (may be empty)
 * @param body main text, paragraphs separated by a blank line, never null (may be empty)
 * @param lang BCP 47 language tag, {@code "ar"} by default
 * @param publishedAt publication time from the feed or page, null when unknown
 * @param fetchedAt when ingest fetched it
 */
public record Article(
        String id,
        String feedId,
        String source,
        String url,
        String title,
        String summary,
        String body,
        String lang,
        Instant publishedAt,
        Instant fetchedAt) {

    public Article {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("article id must not be blank");
        }
        feedId = feedId == null ? "" : feedId;
        source = source == null ? "" : source;
        url = url == null ? "" : url;
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        body = body == null ? "" : body;
        lang = lang == null || lang.isBlank() ? "ar" : lang;
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /** The publication time, when the feed or page gave one. */
    public Optional<Instant> published() {
        return Optional.ofNullable(publishedAt);
    }

    /** The text recognition reads: the body, or the summary when there is no body. */
    public String text() {
        return body.isEmpty() ? summary : body;
    }
}

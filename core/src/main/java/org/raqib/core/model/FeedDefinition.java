package org.raqib.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A feed to poll, the value of the compacted {@code raqib.feeds} topic (keyed by id; a null value removes it).
 *
 * @param id stable feed id, also a bounded metric tag
 * @param url RSS or Atom address, http(s)
 * @param title human title
 * @param source the outlet's short name, copied onto every article
 * @param lang default language of its items
 * @param tags free tags
 * @param minInterval shortest time between two polls
 * @param maxInterval longest time between two polls
 * @param fullText whether to fetch each item's page for its main text
 * @param allowPrivate whether this feed may resolve to private, loopback or link-local addresses
 */
public record FeedDefinition(
        String id,
        String url,
        String title,
        String source,
        String lang,
        List<String> tags,
        Duration minInterval,
        Duration maxInterval,
        boolean fullText,
        boolean allowPrivate) {

    public FeedDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        title = title == null ? id : title;
        source = source == null ? id : source;
        lang = lang == null ? "ar" : lang;
        tags = tags == null ? List.of() : List.copyOf(tags);
        minInterval = minInterval == null ? Duration.ofMinutes(1) : minInterval;
        maxInterval = maxInterval == null ? Duration.ofMinutes(30) : maxInterval;
    }
}

package org.raqib.ingest.parse;

import java.util.List;

/**
 * A feed as ingest takes it.
 *
 * @param title cleaned channel title
 * @param link the channel's absolute link, empty when none
 * @param language the declared language, empty when none
 * @param entries entries in document order, repeats dropped
 */
public record ParsedFeed(String title, String link, String language, List<FeedEntry> entries) {

    public ParsedFeed {
        entries = List.copyOf(entries);
    }
}

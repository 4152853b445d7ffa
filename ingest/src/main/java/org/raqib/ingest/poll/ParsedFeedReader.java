package org.raqib.ingest.poll;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.raqib.ingest.fetch.FetchException;
import org.raqib.ingest.parse.FeedEntry;
import org.raqib.ingest.parse.FeedParseException;
import org.raqib.ingest.parse.FeedParser;

/**
 * The production {@link FeedReader}: the hardened {@link FeedParser} (charset recovery, safe XML, cleaning,
 * canonical links, repeats dropped). An entry without a publication time takes its update time.
 */
public final class ParsedFeedReader implements FeedReader {

    private final FeedParser parser;

    /** A reader over {@code parser}. */
    public ParsedFeedReader(FeedParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    @Override
    public List<FeedItem> read(byte[] body, Optional<String> contentType, URI address) throws FetchException {
        List<FeedEntry> entries;
        try {
            entries = parser.parse(body, contentType, address).entries();
        } catch (FeedParseException e) {
            throw new FetchException(FetchException.Kind.PARSE, "feed at " + address + " is not readable: "
                    + e.getMessage(), null, e);
        }
        List<FeedItem> items = new ArrayList<>(entries.size());
        for (FeedEntry entry : entries) {
            if (entry.id() == null || entry.id().isBlank()) {
                continue; // the parser gives every entry an id; one without cannot be tracked, so it is not taken
            }
            items.add(new FeedItem(entry.id(), entry.title(), entry.link(),
                    entry.published() != null ? entry.published() : entry.updated(), entry.author(), entry.summary(),
                    entry.content()));
        }
        return items;
    }
}

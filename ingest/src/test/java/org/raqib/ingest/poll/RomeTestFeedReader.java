package org.raqib.ingest.poll;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.raqib.ingest.fetch.FetchException;

/**
 * A plain Rome reader for the simulator's trusted, well-formed feeds, so the worker's tests do not depend on the
 * production parser's cleaning rules (tested on their own). Never for untrusted input: it has no XML hardening.
 */
final class RomeTestFeedReader implements FeedReader {

    @Override
    public List<FeedItem> read(byte[] body, Optional<String> contentType, URI address) throws FetchException {
        try (XmlReader xml = new XmlReader(new ByteArrayInputStream(body), contentType.orElse(null), true)) {
            List<FeedItem> items = new ArrayList<>();
            for (SyndEntry entry : new SyndFeedInput().build(xml).getEntries()) {
                String content = entry.getContents().stream().map(SyndContent::getValue).reduce("", String::concat)
                        .replaceAll("<[^>]+>", "\n").strip();
                items.add(new FeedItem(entry.getUri(), entry.getTitle(), entry.getLink(),
                        entry.getPublishedDate() == null ? null : entry.getPublishedDate().toInstant(),
                        entry.getAuthor(), entry.getDescription() == null ? "" : entry.getDescription().getValue(),
                        content));
            }
            return items;
        } catch (IOException | FeedException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.PARSE, "unreadable feed at " + address + ": " + e.getMessage());
        }
    }
}

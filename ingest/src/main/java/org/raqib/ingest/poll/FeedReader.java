package org.raqib.ingest.poll;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.raqib.ingest.fetch.FetchException;

/** Turns a fetched feed body into its entries, in document order, repeats dropped. */
@FunctionalInterface
public interface FeedReader {

    /**
     * The feed's entries.
     *
     * @throws FetchException of kind {@code PARSE} when the body is not a readable feed
     */
    List<FeedItem> read(byte[] body, Optional<String> contentType, URI address) throws FetchException;
}

package org.raqib.ingest.poll;

import java.net.URI;
import java.util.Optional;

/** Extracts an article page's main text, leaving navigation, related-news boxes and footers out. */
@FunctionalInterface
public interface PageReader {

    /** The page's main text, or empty when it has none worth keeping. */
    Optional<PageText> read(byte[] html, Optional<String> contentType, URI address);
}

package org.raqib.ingest.poll;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.raqib.ingest.extract.ArticleExtractor;
import org.raqib.ingest.extract.ExtractedPage;

/** The production {@link PageReader}: the {@link ArticleExtractor}; a page with no main text gives nothing. */
public final class ExtractedPageReader implements PageReader {

    private final ArticleExtractor extractor;

    /** A reader over {@code extractor}. */
    public ExtractedPageReader(ArticleExtractor extractor) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
    }

    @Override
    public Optional<PageText> read(byte[] html, Optional<String> contentType, URI address) {
        ExtractedPage page = extractor.extract(html, contentType, address);
        if (page.body() == null || page.body().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new PageText(page.title(), page.body(), page.published(), page.author(), page.lang()));
    }
}

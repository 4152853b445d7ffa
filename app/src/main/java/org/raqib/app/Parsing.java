package org.raqib.app;

import java.util.Optional;
import org.raqib.ingest.extract.ArticleExtractor;
import org.raqib.ingest.extract.ExtractedPage;
import org.raqib.ingest.fetch.FetchException;
import org.raqib.ingest.parse.FeedEntry;
import org.raqib.ingest.parse.FeedParseException;
import org.raqib.ingest.parse.FeedParser;
import org.raqib.ingest.poll.FeedItem;
import org.raqib.ingest.poll.FeedReader;
import org.raqib.ingest.poll.PageReader;
import org.raqib.ingest.poll.PageText;

/** Plugs the production feed parser and page extractor into the poller's seams. */
final class Parsing {

    private Parsing() {}

    static FeedReader feeds() {
        FeedParser parser = new FeedParser();
        return (body, contentType, address) -> {
            try {
                return parser.parse(body, contentType, address).entries().stream().map(Parsing::item).toList();
            } catch (FeedParseException e) {
                throw new FetchException(FetchException.Kind.PARSE, e.getMessage());
            }
        };
    }

    static PageReader pages() {
        ArticleExtractor extractor = new ArticleExtractor();
        return (html, contentType, address) -> {
            ExtractedPage page = extractor.extract(html, contentType, address);
            return page.body().isBlank()
                    ? Optional.empty()
                    : Optional.of(new PageText(page.title(), page.body(), page.published(), page.author(), page.lang()));
        };
    }

    private static FeedItem item(FeedEntry e) {
        return new FeedItem(e.id(), e.title(), e.link(), e.published() != null ? e.published() : e.updated(),
                e.author(), e.summary(), e.content());
    }
}

package org.raqib.ingest.parse;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 0.9x/1.0/2.0, RDF and Atom 0.3/1.0 feeds as ingest takes them: the bytes decoded as a feed reader would
 * ({@link Charsets}), parsed safely ({@link SafeXml}), recovered through a lenient re-parse when they are not
 * well-formed, and read by Rome from the finished document. Entries keep document order; an entry repeated within
 * the feed is taken once; titles and summaries are plain text; links are absolute and canonical; a date Rome cannot
 * read is tried in the forms Arabic sites use ({@link Dates}) and otherwise left empty.
 *
 * <p>Thread-safe: it holds no state.
 */
public final class FeedParser {

    /** Largest feed body read, in bytes. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final Set<String> DATE_ELEMENTS = Set.of("pubDate", "date", "published", "issued", "updated",
            "modified", "created");

    /**
     * Parses a feed.
     *
     * @param body the bytes as fetched
     * @param contentType the HTTP {@code Content-Type}, if any (its charset is a hint)
     * @param feedAddress where the feed was fetched from, to resolve relative links
     * @throws FeedParseException when the body is not a readable feed; the message says why
     */
    public ParsedFeed parse(byte[] body, Optional<String> contentType, URI feedAddress) throws FeedParseException {
        if (body.length == 0) {
            throw new FeedParseException("empty body");
        }
        if (body.length > MAX_BYTES) {
            throw new FeedParseException("feed is " + body.length + " bytes, more than " + MAX_BYTES);
        }
        String text = Charsets.decode(body, contentType);
        Document document = document(text);
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(false);
            feed = input.build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException("not an RSS or Atom feed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new FeedParseException("unreadable feed: " + e, e);
        }
        URI base = Links.canonical(feed.getLink(), feedAddress).map(URI::create).orElse(feedAddress);
        List<Element> rawItems = rawItems(document);
        List<SyndEntry> entries = feed.getEntries();
        boolean aligned = rawItems.size() == entries.size();
        List<FeedEntry> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            FeedEntry entry = entry(entries.get(i), aligned ? rawItems.get(i) : null, base, feedAddress);
            if (seen.add(entry.id())) {
                out.add(entry);
            }
        }
        String link = Links.canonical(feed.getLink(), feedAddress).orElse("");
        String title = feed.getTitle() != null && !feed.getTitle().isBlank() ? feed.getTitle() : dcTitle(feed.getModules());
        return new ParsedFeed(TextCleaner.clean(title), link,
                feed.getLanguage() == null ? "" : feed.getLanguage().strip(), out);
    }

    private static Document document(String text) throws FeedParseException {
        try {
            return SafeXml.parse(text);
        } catch (FeedParseException strict) {
            // Many real feeds are not well-formed (bare '&', HTML entities, unclosed tags) yet their items are
            // readable: jsoup's XML parser repairs them, and the repaired text goes through SafeXml again.
            try {
                org.jsoup.nodes.Document repaired = Jsoup.parse(text, "", Parser.xmlParser());
                repaired.childNodes().stream()
                        .filter(n -> n instanceof org.jsoup.nodes.DocumentType || n instanceof org.jsoup.nodes.XmlDeclaration)
                        .toList()
                        .forEach(org.jsoup.nodes.Node::remove);
                repaired.outputSettings().syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml)
                        .escapeMode(Entities.EscapeMode.xhtml).charset(StandardCharsets.UTF_8).prettyPrint(false);
                return SafeXml.parse(repaired.outerHtml());
            } catch (FeedParseException | RuntimeException e) {
                throw new FeedParseException(strict.getMessage() + " (and it could not be repaired)", strict);
            }
        }
    }

    private static FeedEntry entry(SyndEntry e, Element raw, URI base, URI feedAddress) {
        String title = TextCleaner.clean(e.getTitle() != null && !e.getTitle().isBlank() ? e.getTitle() : dcTitle(e.getModules()));
        String link = Links.canonical(link(e), base).or(() -> Links.canonical(link(e), feedAddress)).orElse("");
        Instant published = instant(e.getPublishedDate()).orElseGet(() -> rawDate(raw, true).orElse(null));
        Instant updated = instant(e.getUpdatedDate()).orElseGet(() -> rawDate(raw, false).orElse(null));
        if (published == null) {
            published = updated;
        }
        String summary = e.getDescription() == null ? "" : TextCleaner.clean(e.getDescription().getValue());
        String content = e.getContents().stream()
                .map(SyndContent::getValue)
                .filter(v -> v != null && !v.isBlank())
                .findFirst()
                .map(TextCleaner::paragraphs)
                .orElse("");
        if (summary.isEmpty() && !content.isEmpty()) {
            summary = TextCleaner.clean(content.length() > 500 ? content.substring(0, 500) : content);
        }
        String author = e.getAuthor() == null ? "" : TextCleaner.clean(e.getAuthor());
        String id = id(e, link, title, published);
        return new FeedEntry(id, title, link, published, updated, author, summary, content);
    }

    /** The Dublin Core title ({@code dc:title}), which some feeds use instead of their format's own title. */
    private static String dcTitle(List<com.rometools.rome.feed.module.Module> modules) {
        return modules.stream()
                .filter(m -> m instanceof com.rometools.rome.feed.module.DCModule)
                .map(m -> ((com.rometools.rome.feed.module.DCModule) m).getTitle())
                .filter(t -> t != null && !t.isBlank())
                .findFirst()
                .orElse("");
    }

    private static String link(SyndEntry e) {
        if (e.getLink() != null && !e.getLink().isBlank()) {
            return e.getLink();
        }
        return e.getLinks().stream()
                .filter(l -> l.getRel() == null || l.getRel().equals("alternate"))
                .map(SyndLink::getHref)
                .filter(h -> h != null && !h.isBlank())
                .findFirst()
                .orElse("");
    }

    /** guid (when it is not just the link written differently), else the canonical link, else title and date. */
    private static String id(SyndEntry e, String link, String title, Instant published) {
        String uri = e.getUri() == null ? "" : e.getUri().strip();
        if (!uri.isEmpty()) {
            return Links.canonical(uri, null).filter(u -> u.equals(link)).orElse(uri);
        }
        if (!link.isEmpty()) {
            return link;
        }
        return "hash:" + sha256(title + "|" + (published == null ? "" : published.toString()));
    }

    private static Optional<Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }

    private static Optional<Instant> rawDate(Element item, boolean published) {
        if (item == null) {
            return Optional.empty();
        }
        for (Element child : item.getChildren()) {
            String name = child.getName();
            boolean isUpdate = name.equals("updated") || name.equals("modified");
            if (DATE_ELEMENTS.contains(name) && isUpdate != published) {
                Optional<Instant> date = Dates.parse(child.getTextTrim());
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    /** The item elements in document order, to pair with Rome's entries for fields Rome could not read. */
    private static List<Element> rawItems(Document document) {
        Element root = document.getRootElement();
        String rootName = root.getName().toLowerCase(Locale.ROOT);
        List<Element> items = new ArrayList<>();
        if (rootName.equals("feed")) {
            root.getChildren().stream().filter(c -> c.getName().equals("entry")).forEach(items::add);
        } else if (rootName.equals("rdf")) {
            root.getChildren().stream().filter(c -> c.getName().equals("item")).forEach(items::add);
        } else {
            for (Element channel : root.getChildren()) {
                if (channel.getName().equals("channel")) {
                    channel.getChildren().stream().filter(c -> c.getName().equals("item")).forEach(items::add);
                }
            }
            root.getChildren().stream().filter(c -> c.getName().equals("item")).forEach(items::add);
        }
        return items;
    }

    private static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

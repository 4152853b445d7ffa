package org.raqib.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.raqib.ingest.parse.TextCleaner;

/**
 * Extracts an article page's main text. {@link PageCleaner} removes what is never article text (scripts, captions,
 * navigation, share bars, related news, comments, footers, inline "read also" blocks), {@link MainContainer} picks
 * the element holding the article, and its {@link TextBlocks} become the body's paragraphs. Blocks dense with links
 * are left out, so lists of headlines do not leak into the body.
 *
 * <p>Thread-safe: it holds no state.
 */
public final class ArticleExtractor {

    /** Largest page read, in bytes. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    /** A JSON-LD articleBody shorter than this is a summary, not the article. */
    private static final int MIN_LD_BODY = 300;

    private static final Pattern CAPTION_TAIL = Pattern.compile("(المصدر|الصورة|مصدر الصورة|تصوير)\\s*:");

    /**
     * Extracts a page.
     *
     * @param html the page's bytes
     * @param contentType the HTTP {@code Content-Type}, if any (its charset is a hint)
     * @param pageAddress the page's address, for relative links
     */
    public ExtractedPage extract(byte[] html, Optional<String> contentType, URI pageAddress) {
        byte[] bytes = html.length > MAX_BYTES ? java.util.Arrays.copyOf(html, MAX_BYTES) : html;
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(bytes), PageCharset.of(bytes, contentType), pageAddress.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read page " + pageAddress, e);
        }
        // The walk that cleans the body also gathers its metadata sources; the rest of the page is read around it.
        Element root = doc.body();
        PageMetadata.Sources sources = new PageMetadata.Sources();
        PageMetadata.Sources afterBody = new PageMetadata.Sources();
        PageMetadata.Sources.around(doc, root, sources, afterBody);
        List<Element> marked = PageCleaner.clean(root, sources);
        sources.add(afterBody);
        PageMetadata meta = PageMetadata.of(doc, sources);
        String body = body(doc, root, marked, meta.title);
        // The page's own JSON-LD text stands in when the DOM gave much less of it: a layout the scoring misread.
        // A shorter articleBody is often a teaser, so it never replaces a longer DOM body.
        if (meta.articleBody.length() >= MIN_LD_BODY && body.length() < 0.5 * meta.articleBody.length()) {
            body = meta.articleBody;
        }
        return new ExtractedPage(meta.title, body, meta.published, meta.author, meta.lang);
    }

    /**
     * The body text of {@code doc}, paragraphs separated by a blank line.
     *
     * @param root its body, cleaned
     * @param marked the elements in {@code root} marked as the article body, in document order
     */
    private static String body(Document doc, Element root, List<Element> marked, String title) {
        MainContainer.Article article = MainContainer.find(root, marked);
        List<String> paragraphs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String headline = title == null ? "" : title.strip();
        String pageTitle = TextCleaner.clean(doc.title());
        for (TextBlocks.Block block : article.blocks()) {
            if (block.owner().normalName().equals("h1") || block.linkDensity() > 0.5) {
                continue;
            }
            String text = paragraph(block.text());
            if (text.length() < 2 || !hasLetter(text) || isHeadline(text, headline, pageTitle)) {
                continue;
            }
            // Repeated short texts (table figures, "Advertisement") are content where they stand; long ones are echoes.
            if (text.length() < 40 || seen.add(text)) {
                paragraphs.add(text);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    private static String paragraph(String block) {
        String text = TextCleaner.clean(block);
        // Captions glued to the text ("... ترارويالمصدر: وسائل إعلام") end in a credit; the credit is not prose,
        // and neither is a short credit line of its own ("الصورة: أرشيف").
        // Only a short text with a colon can be one: the pattern is not run over every paragraph.
        if (text.length() >= 140 || text.indexOf(':') < 0) {
            return text;
        }
        Matcher m = CAPTION_TAIL.matcher(text);
        if (m.find() && (m.start() > 0 || text.length() < 60)) {
            return "";
        }
        return text;
    }

    /** The headline repeated in the body (pages without an {@code h1} set it in a styled line of its own). */
    private static boolean isHeadline(String text, String headline, String pageTitle) {
        return text.equals(headline) || text.length() >= 15 && (headline.contains(text) || pageTitle.contains(text));
    }

    /** Dates, counters and page numbers on a line of their own are not prose. */
    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

package org.raqib.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.raqib.ingest.parse.TextCleaner;

/**
 * Extracts an article page's main text. The page is cleaned of what is never article text (scripts, navigation,
 * forms, captions, elements whose class or id names boilerplate such as share bars, related news, comments and
 * footers, and inline "read also" blocks), then the container whose paragraphs carry the most prose wins, with the
 * siblings that continue it. Paragraphs dense with links are left out, so lists of headlines do not leak into the
 * body.
 *
 * <p>Thread-safe: it holds no state.
 */
public final class ArticleExtractor {

    /** Largest page read, in bytes. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre, td, dd";

    private static final Pattern BOILERPLATE = Pattern.compile(
            "comment|share|sharing|social|related|recommend|sidebar|widget|footer|breadcrumb|newsletter|subscri"
                    + "|popular|most-?read|trending|\\btags?\\b|advert|\\bads?\\b|\\bad-|promo|sponsor|cookie|caption"
                    + "|credit|author-?bio|outbrain|taboola|pagination|signup|login|modal|popup|toolbar|print-only"
                    + "|read-?more|more-?stories|also-?read|nav\\b|navbar|menu|masthead|byline|dateline|timestamp"
                    + "|visually-hidden|sr-only|disqus|rating",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern KEEP = Pattern.compile("article-?body|story-?body|post-?body|entry-?content"
            + "|article-?content|main-?content|articletext|article-?text", Pattern.CASE_INSENSITIVE);

    private static final Pattern READ_ALSO = Pattern.compile(
            "^\\s*(أخبار ذات علاقة|اخبار ذات علاقة|أخبار ذات صلة|مواضيع ذات صلة|ذات صلة|اقرأ أيضا|اقرأ أيضاً|اقرأ ايضا"
                    + "|اقرأ أيضًا|إقرأ أيضا|اقرأ المزيد|شاهد أيضا|شاهد أيضاً|related( articles| stories| news)?"
                    + "|read (also|more)|see also|more on this( story)?)\\s*[:：]?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CAPTION_TAIL = Pattern.compile("(المصدر|الصورة|مصدر الصورة)\\s*:");

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
            doc = Jsoup.parse(new ByteArrayInputStream(bytes), charset(bytes, contentType), pageAddress.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read page " + pageAddress, e);
        }
        PageMetadata meta = PageMetadata.of(doc);
        String body = body(doc, meta.title);
        return new ExtractedPage(meta.title, body, meta.published, meta.author, meta.lang);
    }

    /** The body text of {@code doc}, paragraphs separated by a blank line. */
    static String body(Document doc, String title) {
        Element root = doc.body();
        if (root == null) {
            return "";
        }
        root.select("script, style, noscript, iframe, svg, canvas, form, button, input, select, textarea, nav, footer,"
                + " aside, figcaption, template, object, embed, video, audio, [hidden], [aria-hidden=true],"
                + " [role=navigation], [role=complementary], [role=contentinfo], [role=banner]").remove();
        int total = root.text().length();
        for (Element e : new ArrayList<>(root.select("[class], [id]"))) {
            if (e.parent() == null || e == root) {
                continue;
            }
            String names = e.className() + " " + e.id();
            // A name is a hint, not proof: an element holding most of the page's text is the page, whatever its class.
            if (BOILERPLATE.matcher(names).find() && !KEEP.matcher(names).find()
                    && e.text().length() < 0.4 * total) {
                e.remove();
            }
        }
        removeReadAlso(root);

        Element best = bestContainer(root);
        if (best == null) {
            return "";
        }
        List<String> paragraphs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String folded = title == null ? "" : title.strip();
        for (Element block : leafBlocks(best)) {
            String text = paragraph(block);
            if (text.length() < 2 || linkDensity(block) > 0.5 || text.equals(folded)) {
                continue;
            }
            if (seen.add(text)) {
                paragraphs.add(text);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /** Removes inline "related news" headings and the link lists or headlines that follow them. */
    private static void removeReadAlso(Element root) {
        for (Element e : new ArrayList<>(root.getAllElements())) {
            if (e.parent() == null || e == root || e.childrenSize() > 3) {
                continue;
            }
            // Own text first: calling text() on every element would walk every subtree again (quadratic).
            String own = e.ownText();
            if (own.length() > 40 || (own.isBlank() && e.childrenSize() != 1)) {
                continue;
            }
            if (!own.isBlank() ? READ_ALSO.matcher(own).matches() && e.text().length() <= 60
                    : e.child(0).ownText().length() <= 40 && READ_ALSO.matcher(e.text()).matches()) {
                Element next = e.nextElementSibling();
                int removed = 0;
                while (next != null && removed < 3 && (linkDensity(next) > 0.3 || next.text().length() < 120)) {
                    Element after = next.nextElementSibling();
                    next.remove();
                    removed++;
                    next = after;
                    if (next != null && next.text().length() > 160 && linkDensity(next) < 0.2) {
                        break;
                    }
                }
                e.remove();
            }
        }
    }

    /** The element whose paragraphs score highest, readability-style: prose length and commas, less links. */
    private static Element bestContainer(Element root) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element p : root.select("p, pre, td, blockquote, div:not(:has(p, div, td, ul, ol, table))")) {
            String text = p.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
            score *= 1 - linkDensity(p);
            Element parent = p.parent();
            if (parent == null) {
                continue;
            }
            scores.merge(parent, score, Double::sum);
            if (parent.parent() != null) {
                scores.merge(parent.parent(), score / 2, Double::sum);
            }
        }
        Element best = null;
        double top = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            if (e.getValue() > top) {
                top = e.getValue();
                best = e.getKey();
            }
        }
        if (best == null) {
            return root;
        }
        // A container that holds little more than the winner is the same article; prefer it to catch headings.
        Element parent = best.parent();
        if (parent != null && parent != root.parent() && scores.getOrDefault(parent, 0.0) >= 0.8 * top
                && textLength(List.of(parent)) < 1.6 * textLength(List.of(best))) {
            best = parent;
        }
        return best;
    }

    /**
     * The blocks of {@code container} that hold no other block, in document order, plus divs that carry text of
     * their own; one pass marks every ancestor of a block, so it stays linear in the page's size.
     */
    private static List<Element> leafBlocks(Element container) {
        org.jsoup.select.Elements candidates = container.select(BLOCKS + ", div");
        Set<Element> hasBlockInside = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : candidates) {
            if (e.is("div")) {
                continue;
            }
            for (Element up = e.parent(); up != null && up != container.parent(); up = up.parent()) {
                if (!hasBlockInside.add(up)) {
                    break;
                }
            }
        }
        List<Element> blocks = new ArrayList<>();
        for (Element e : candidates) {
            if (hasBlockInside.contains(e)) {
                continue;
            }
            if (!e.is("div") || hasOwnText(e)) {
                blocks.add(e);
            }
        }
        if (blocks.isEmpty() && hasOwnText(container)) {
            blocks.add(container);
        }
        return blocks;
    }

    private static String paragraph(Element block) {
        String text = TextCleaner.clean(block.text());
        // Captions glued to the text ("... ترارويالمصدر: وسائل إعلام") end in a credit; the credit is not prose.
        Matcher m = CAPTION_TAIL.matcher(text);
        if (text.length() < 140 && m.find() && m.start() > 0) {
            return "";
        }
        return text;
    }

    private static boolean hasOwnText(Element e) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t && t.text().strip().length() > 20) {
                return true;
            }
        }
        return false;
    }

    private static double linkDensity(Element e) {
        int length = e.text().length();
        if (length == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return links / (double) length;
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '،') {
                n++;
            }
        }
        return n;
    }

    private static int textLength(List<Element> elements) {
        int n = 0;
        for (Element e : elements) {
            n += e.text().length();
        }
        return n;
    }

    /** The charset jsoup should use: the header's, else null to let jsoup read the BOM and meta tags. */
    private static String charset(byte[] bytes, Optional<String> contentType) {
        Optional<String> header = contentType.flatMap(type -> {
            Matcher m = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE).matcher(type);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
        if (header.isPresent() && java.nio.charset.Charset.isSupported(header.get())) {
            return header.get();
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        boolean declared = head.contains("charset") || (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF);
        if (!declared && !validUtf8(bytes)) {
            return "windows-1256"; // no declaration and not UTF-8: the Arabic legacy charset, as browsers here guess
        }
        return null;
    }

    private static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

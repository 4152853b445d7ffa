package org.raqib.ingest.parse;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Turns feed titles and summaries into plain text: markup removed, entities decoded (twice, because feeds often
 * escape already-escaped text: {@code &amp;quot;}), invisible characters dropped (direction marks and embeddings,
 * zero-width characters, BOM, soft hyphen), white space collapsed.
 */
public final class TextCleaner {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");

    private TextCleaner() {}

    /** Plain text of HTML content, one paragraph per block element, paragraphs separated by a blank line. */
    public static String paragraphs(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html);
        java.util.List<String> paragraphs = new java.util.ArrayList<>();
        for (org.jsoup.nodes.Element block : doc.body().select("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre")) {
            if (block.select("p, li, blockquote").size() <= (block.is("p, li, blockquote") ? 1 : 0)) {
                String text = clean(block.text());
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
            }
        }
        if (paragraphs.isEmpty()) {
            for (String part : doc.body().wholeText().split("\\n\\s*\\n")) {
                String text = clean(part);
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /** Plain text of a title or summary that may contain HTML. */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String once = text.indexOf('<') >= 0 ? Jsoup.parse(text).text() : Parser.unescapeEntities(text, false);
        String twice = once.indexOf('&') >= 0 ? Parser.unescapeEntities(once, false) : once;
        if (twice.indexOf('<') >= 0 && twice.indexOf('>') > twice.indexOf('<')) {
            twice = Jsoup.parse(twice).text();
        }
        return SPACE.matcher(INVISIBLE.matcher(twice).replaceAll("")).replaceAll(" ").strip();
    }
}

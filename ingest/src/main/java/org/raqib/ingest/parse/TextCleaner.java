package org.raqib.ingest.parse;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Turns feed titles and summaries into plain text: markup removed, entities decoded (twice, because feeds often
 * escape already-escaped text: {@code &amp;quot;}), invisible characters dropped (direction marks and embeddings,
 * zero-width characters, BOM, soft hyphen), white space collapsed.
 */
public final class TextCleaner {

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
        return collapse(twice).strip();
    }

    /**
     * {@code text} without invisible characters and with each run of spaces as one space, a trailing run dropped:
     * one pass over the text, where two regular-expression replacements cost a twentieth of article extraction.
     */
    private static String collapse(String text) {
        if (isCollapsed(text)) {
            return text; // most text read from a page's blocks already is: nothing to copy
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isInvisible(c)) {
                continue; // dropped before spaces are collapsed, so "a \u200B b" is "a b"
            }
            if (isSpace(c)) {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Whether {@link #collapse} would return {@code text} as it is: no invisible characters, no space but single ' '. */
    private static boolean isCollapsed(String text) {
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isInvisible(c)) {
                return false;
            }
            if (isSpace(c)) {
                if (c != ' ' || space) {
                    return false;
                }
                space = true;
            } else {
                space = false;
            }
        }
        return !space;
    }

    /** Direction marks and embeddings, zero-width characters, BOM, soft hyphen. */
    private static boolean isInvisible(char c) {
        return c == '\u00AD' || c == '\u061C' || c >= '\u200B' && c <= '\u200F' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2060' && c <= '\u2064' || c >= '\u2066' && c <= '\u2069' || c == '\uFEFF';
    }

    /** ASCII white space, no-break and typographic spaces, ideographic space. */
    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == '\u00A0' || c >= '\u2000' && c <= '\u200A'
                || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }
}

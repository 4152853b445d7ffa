package org.raqib.ingest.simulate;

import static org.raqib.core.text.Escape.markup;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/** Renders a simulated outlet's newest items as RSS 2.0 or Atom 1.0 bytes. */
final class FeedWriter {

    /** windows-1256, the legacy Arabic code page. */
    static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

    private static final int SUMMARY_LENGTH = 160;

    private FeedWriter() {}

    /** The charset {@code format} is served in. */
    static Charset charset(FeedFormat format) {
        return format == FeedFormat.RSS_WINDOWS_1256 ? WINDOWS_1256 : StandardCharsets.UTF_8;
    }

    /** The Content-Type header of {@code format}. */
    static String contentType(FeedFormat format) {
        return (format == FeedFormat.ATOM ? "application/atom+xml" : "application/rss+xml") + "; charset="
                + charset(format).name();
    }

    /**
     * The feed document.
     *
     * @param items newest first
     * @param link the address of each item's page
     */
    static byte[] render(FeedFormat format, String source, String feedUrl, String siteUrl, List<SimulatedItem> items,
            Instant updated, Function<SimulatedItem, String> link) {
        String xml = format == FeedFormat.ATOM
                ? atom(source, feedUrl, siteUrl, items, updated, link)
                : rss(format, source, feedUrl, siteUrl, items, updated, link);
        return xml.getBytes(charset(format));
    }

    private static String rss(FeedFormat format, String source, String feedUrl, String siteUrl,
            List<SimulatedItem> items, Instant updated, Function<SimulatedItem, String> link) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<?xml version=\"1.0\" encoding=\"").append(charset(format).name()).append("\"?>\n")
                .append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n")
                .append("<channel>\n<title>").append(markup(title(source))).append("</title>\n")
                .append("<link>").append(markup(siteUrl)).append("</link>\n")
                .append("<atom:link href=\"").append(markup(feedUrl)).append("\" rel=\"self\" type=\"application/rss+xml\"/>\n")
                .append("<description>").append(markup("آخر الأخبار من " + source)).append("</description>\n")
                .append("<language>ar</language>\n")
                .append("<lastBuildDate>").append(rfc822(updated)).append("</lastBuildDate>\n");
        for (SimulatedItem item : items) {
            String body = item.article().body();
            out.append("<item>\n<title>").append(markup(item.article().title())).append("</title>\n")
                    .append("<link>").append(markup(link.apply(item))).append("</link>\n")
                    .append("<guid isPermaLink=\"false\">").append(markup(item.guid())).append("</guid>\n")
                    .append("<pubDate>").append(rfc822(item.publishedAt())).append("</pubDate>\n")
                    .append("<description>").append(markup(Markup.summary(body, SUMMARY_LENGTH))).append("</description>\n");
            if (format != FeedFormat.RSS_SUMMARY_ONLY) {
                out.append("<content:encoded><![CDATA[");
                for (String paragraph : Markup.paragraphs(body)) {
                    out.append("<p>").append(markup(paragraph).replace("]]>", "]]&gt;")).append("</p>");
                }
                out.append("]]></content:encoded>\n");
            }
            out.append("</item>\n");
        }
        return out.append("</channel>\n</rss>\n").toString();
    }

    private static String atom(String source, String feedUrl, String siteUrl, List<SimulatedItem> items,
            Instant updated, Function<SimulatedItem, String> link) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ar\">\n")
                .append("<title>").append(markup(title(source))).append("</title>\n")
                .append("<id>urn:raqib-sim:").append(markup(source)).append("</id>\n")
                .append("<link rel=\"alternate\" href=\"").append(markup(siteUrl)).append("\"/>\n")
                .append("<link rel=\"self\" href=\"").append(markup(feedUrl)).append("\"/>\n")
                .append("<updated>").append(updated).append("</updated>\n");
        for (SimulatedItem item : items) {
            String body = item.article().body();
            out.append("<entry>\n<title>").append(markup(item.article().title())).append("</title>\n")
                    .append("<id>").append(markup(item.guid())).append("</id>\n")
                    .append("<link rel=\"alternate\" href=\"").append(markup(link.apply(item))).append("\"/>\n")
                    .append("<published>").append(item.publishedAt()).append("</published>\n")
                    .append("<updated>").append(item.publishedAt()).append("</updated>\n")
                    .append("<author><name>").append(markup("محرر " + source)).append("</name></author>\n")
                    .append("<summary>").append(markup(Markup.summary(body, SUMMARY_LENGTH))).append("</summary>\n")
                    .append("<content type=\"html\">");
            for (String paragraph : Markup.paragraphs(body)) {
                out.append(markup("<p>" + markup(paragraph) + "</p>"));
            }
            out.append("</content>\n</entry>\n");
        }
        return out.append("</feed>\n").toString();
    }

    private static String title(String source) {
        return "أخبار " + source;
    }

    static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}

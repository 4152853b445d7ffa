package org.raqib.alerts.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.raqib.core.model.Alert;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Subscription;

/**
 * The Atom 1.0 feed of one subscription's alerts ({@code GET /api/subscriptions/{id}/feed.atom}), newest first,
 * for analysts who live in a feed reader. Entry ids are {@code urn:raqib:alert:<alert id>}, so readers never show
 * an alert twice; each entry links to the article. Everything from articles is XML-escaped.
 */
final class AtomFeed {

    private AtomFeed() {}

    static String render(Subscription subscription, List<Alert> alerts, String selfUrl, Instant now) {
        Instant updated = alerts.isEmpty() ? now : alerts.get(0).createdAt();
        StringBuilder xml = new StringBuilder(1024);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <id>urn:raqib:subscription:").append(escape(subscription.id())).append("</id>\n")
                .append("  <title>Raqib: ").append(escape(subscription.name())).append("</title>\n")
                .append("  <updated>").append(DateTimeFormatter.ISO_INSTANT.format(updated)).append("</updated>\n")
                .append("  <link rel=\"self\" href=\"").append(escape(selfUrl)).append("\"/>\n")
                .append("  <author><name>Raqib</name></author>\n");
        for (Alert alert : alerts) {
            String lang = alert.match().lang() == null ? "ar" : alert.match().lang();
            String labels = String.join(", ", alert.match().entities().stream().map(EntityHit::label).toList());
            xml.append("  <entry xml:lang=\"").append(escape(lang)).append("\">\n")
                    .append("    <id>urn:raqib:alert:").append(escape(alert.id())).append("</id>\n")
                    .append("    <title>").append(escape(alert.match().title())).append("</title>\n")
                    .append("    <updated>").append(DateTimeFormatter.ISO_INSTANT.format(alert.createdAt()))
                    .append("</updated>\n")
                    .append("    <link rel=\"alternate\" href=\"").append(escape(alert.match().url())).append("\"/>\n")
                    .append("    <category term=\"").append(escape(alert.kind())).append("\"/>\n")
                    .append("    <summary>").append(escape(alert.match().snippet()))
                    .append(labels.isEmpty() ? "" : escape(" [" + labels + "]")).append("</summary>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // Characters XML 1.0 cannot carry at all are dropped rather than breaking the document.
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

package org.raqib.alerts.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.raqib.core.model.Alert;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Subscription;
import org.raqib.core.text.Escape;

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
                .append("  <id>urn:raqib:subscription:").append(Escape.markup(subscription.id())).append("</id>\n")
                .append("  <title>Raqib: ").append(Escape.markup(subscription.name())).append("</title>\n")
                .append("  <updated>").append(DateTimeFormatter.ISO_INSTANT.format(updated)).append("</updated>\n")
                .append("  <link rel=\"self\" href=\"").append(Escape.markup(selfUrl)).append("\"/>\n")
                .append("  <author><name>Raqib</name></author>\n");
        for (Alert alert : alerts) {
            String lang = alert.match().lang() == null ? "ar" : alert.match().lang();
            String labels = String.join(", ", alert.match().entities().stream().map(EntityHit::label).toList());
            xml.append("  <entry xml:lang=\"").append(Escape.markup(lang)).append("\">\n")
                    .append("    <id>urn:raqib:alert:").append(Escape.markup(alert.id())).append("</id>\n")
                    .append("    <title>").append(Escape.markup(alert.match().title())).append("</title>\n")
                    .append("    <updated>").append(DateTimeFormatter.ISO_INSTANT.format(alert.createdAt()))
                    .append("</updated>\n")
                    .append("    <link rel=\"alternate\" href=\"").append(Escape.markup(alert.match().url())).append("\"/>\n")
                    .append("    <category term=\"").append(Escape.markup(alert.kind())).append("\"/>\n")
                    .append("    <summary>").append(Escape.markup(alert.match().snippet()))
                    .append(labels.isEmpty() ? "" : Escape.markup(" [" + labels + "]")).append("</summary>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }
}

package org.raqib.alerts.delivery.email;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raqib.core.model.Alert;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Match;
import org.raqib.core.model.RuleHit;
import org.raqib.core.model.Subscription;
import org.raqib.core.text.Escape;

/**
 * The text of an alert mail: a subject, a plain-text part, and an HTML part laid out right-to-left for Arabic in
 * which each name the recogniser found in the title is highlighted (from its mention offsets) and followed by its
 * English label. Everything taken from an article is HTML-escaped.
 */
public final class AlertMail {

    private AlertMail() {}

    /** The subject line, one line. */
    public static String subject(Alert alert) {
        String prefix = alert.kind().equals("also-reported") ? "[Raqib] Also reported: " : "[Raqib] ";
        return oneLine(prefix + alert.match().title());
    }

    /** The plain-text part. */
    public static String text(Alert alert, String alertUrl) {
        Match m = alert.match();
        StringBuilder text = new StringBuilder();
        text.append(m.title()).append("\n\n");
        if (!m.snippet().isEmpty()) {
            text.append(m.snippet()).append("\n\n");
        }
        text.append("Source: ").append(m.source()).append('\n');
        text.append("Entities: ").append(labels(m)).append('\n');
        text.append("Rules: ").append(rules(m)).append('\n');
        text.append("Read: ").append(m.url()).append('\n');
        text.append("Alert: ").append(alertUrl).append('\n');
        return text.toString();
    }

    /** The HTML part. */
    public static String html(Alert alert, String alertUrl) {
        Match m = alert.match();
        String lang = m.lang() == null || m.lang().isBlank() ? "ar" : m.lang();
        String dir = lang.startsWith("ar") ? "rtl" : "ltr";
        return "<!DOCTYPE html><html lang=\"" + Escape.markup(lang) + "\" dir=\"" + dir + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + Escape.markup(m.title()) + "</title></head>"
                + "<body dir=\"" + dir + "\" style=\"font-family: Tahoma, Arial, sans-serif;\">"
                + "<h2 style=\"text-align: start;\">" + highlightedTitle(m) + "</h2>"
                + (m.snippet().isEmpty() ? "" : "<p>" + Escape.markup(m.snippet()) + "</p>")
                + "<p dir=\"ltr\" style=\"text-align: left;\">Source: " + Escape.markup(m.source()) + "<br>Entities: "
                + Escape.markup(labels(m)) + "<br>Rules: " + Escape.markup(rules(m)) + "</p>"
                + "<p><a href=\"" + Escape.markup(m.url()) + "\">" + (dir.equals("rtl") ? "اقرأ المقال" : "Read the article")
                + "</a> · <a dir=\"ltr\" href=\"" + Escape.markup(alertUrl) + "\">Alert " + Escape.markup(alert.id()) + "</a></p>"
                + "</body></html>";
    }

    /** The subject of a digest. */
    public static String digestSubject(Subscription subscription, List<Alert> alerts) {
        long stories = alerts.stream().map(a -> a.match().storyId()).distinct().count();
        return oneLine("[Raqib] " + stories + (stories == 1 ? " story" : " stories") + ", " + alerts.size()
                + " alerts: " + subscription.name());
    }

    /** The plain-text part of a digest: one block per story, its first title, then every source. */
    public static String digestText(List<Alert> alerts) {
        StringBuilder text = new StringBuilder();
        byStory(alerts).forEach((story, copies) -> {
            Match first = copies.get(0).match();
            text.append(first.title()).append('\n');
            for (Alert copy : copies) {
                text.append("  - ").append(copy.match().source()).append(": ").append(copy.match().url()).append('\n');
            }
            text.append('\n');
        });
        return text.toString();
    }

    /** The HTML part of a digest: right-to-left, one section per story with highlighted names and every source. */
    public static String digestHtml(Subscription subscription, List<Alert> alerts) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
                + "<title>" + Escape.markup(subscription.name()) + "</title></head><body dir=\"rtl\" "
                + "style=\"font-family: Tahoma, Arial, sans-serif;\">");
        byStory(alerts).forEach((story, copies) -> {
            html.append("<h3>").append(highlightedTitle(copies.get(0).match())).append("</h3><ul>");
            for (Alert copy : copies) {
                html.append("<li><a href=\"").append(Escape.markup(copy.match().url())).append("\">")
                        .append(Escape.markup(copy.match().source())).append("</a></li>");
            }
            html.append("</ul>");
        });
        return html.append("</body></html>").toString();
    }

    private static Map<String, List<Alert>> byStory(List<Alert> alerts) {
        Map<String, List<Alert>> stories = new LinkedHashMap<>();
        alerts.stream().sorted(Comparator.comparing(Alert::createdAt)).forEach(alert -> stories
                .computeIfAbsent(alert.match().storyId() == null ? alert.id() : alert.match().storyId(), s -> new ArrayList<>())
                .add(alert));
        return stories;
    }

    /** The title with every valid, non-overlapping title mention wrapped in {@code <mark>} and its English label. */
    static String highlightedTitle(Match match) {
        record Span(int start, int end, String label) {}
        String title = match.title() == null ? "" : match.title();
        List<Span> spans = new ArrayList<>();
        for (EntityHit entity : match.entities()) {
            entity.mentions().stream()
                    .filter(mention -> mention.field().equals("title") && mention.end() <= title.length()
                            && title.substring(mention.start(), mention.end()).equals(mention.text()))
                    .forEach(mention -> spans.add(new Span(mention.start(), mention.end(), entity.label())));
        }
        spans.sort(Comparator.comparingInt(Span::start));
        StringBuilder html = new StringBuilder();
        int at = 0;
        for (Span span : spans) {
            if (span.start() < at) {
                continue; // Overlaps the previous highlight: keep the first.
            }
            html.append(Escape.markup(title.substring(at, span.start())))
                    .append("<mark style=\"background: #fff3a0;\">").append(Escape.markup(title.substring(span.start(), span.end())))
                    .append("</mark> <small dir=\"ltr\">(").append(Escape.markup(span.label())).append(")</small>");
            at = span.end();
        }
        html.append(Escape.markup(title.substring(at)));
        return html.toString();
    }

    private static String labels(Match m) {
        return String.join(", ", m.entities().stream().map(e -> e.label() + " (" + e.id() + ")").toList());
    }

    private static String rules(Match m) {
        List<String> rules = new ArrayList<>(m.rules().stream().map(RuleHit::name).toList());
        if (m.storyline()) {
            rules.add(0, "storyline");
        }
        return String.join(", ", rules);
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}

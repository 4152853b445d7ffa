package org.raqib.streams.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.raqib.core.model.Mention;
import org.raqib.core.text.Escape;

/**
 * Renders a {@link BacktestReport} as one self-contained HTML page (inline CSS and SVG, no scripts, no external
 * resources) in Arabic reading direction. Every piece of text from articles and rules is HTML-escaped.
 */
public final class HtmlReport {

    private static final int CHART_RULES = 30;

    private HtmlReport() {}

    /** The page. */
    public static String render(BacktestReport report) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">")
                .append("<title>Raqib backtest</title><style>")
                .append("body{font-family:'Noto Naskh Arabic','Segoe UI',Tahoma,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em}")
                .append("th{background:#f3f3f3}mark{background:#ffe08a}.ltr{direction:ltr;unicode-bidi:embed}")
                .append(".added{color:#1a7f37}.lost{color:#b42318}.sample{border-right:4px solid #ccc;padding:.3em 1em;margin:.6em 0}")
                .append("</style></head><body>\n");
        h.append("<h1>نتائج الاختبار على الأرشيف <span class=\"ltr\">(Raqib backtest)</span></h1>\n");
        h.append("<p class=\"ltr\">").append(Escape.markup(range(report))).append(" · articles ").append(report.articles())
                .append(" · matched ").append(report.matchedArticles()).append(" · dead letters ")
                .append(report.deadLetters()).append(" · baseline ").append(Escape.markup(report.baseline())).append("</p>\n");

        h.append("<h2>القواعد <span class=\"ltr\">(rules)</span></h2>\n<table><tr><th>rule</th><th>name</th>")
                .append("<th>severity</th><th>hits</th><th>baseline</th><th>added</th><th>lost</th></tr>\n");
        for (BacktestReport.RuleLine r : report.rules()) {
            h.append("<tr><td class=\"ltr\">").append(Escape.markup(r.id())).append(r.inCandidate() ? "" : " (baseline only)")
                    .append("</td><td>").append(Escape.markup(r.name())).append("</td><td>").append(Escape.markup(r.severity()))
                    .append("</td><td>").append(r.hits()).append("</td><td>").append(r.baselineHits())
                    .append("</td><td class=\"added\">+").append(r.added()).append("</td><td class=\"lost\">-")
                    .append(r.lost()).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>الإصابات يوميا لكل قاعدة <span class=\"ltr\">(hits per rule per day)</span></h2>\n");
        chart(h, report);

        h.append("<h2>أبرز الكيانات <span class=\"ltr\">(top entities)</span></h2>\n<table><tr><th>entity</th>")
                .append("<th>label</th><th>articles</th><th>mentions</th></tr>\n");
        for (BacktestReport.EntityCount e : report.topEntities()) {
            h.append("<tr><td class=\"ltr\">").append(Escape.markup(e.id())).append("</td><td>").append(Escape.markup(e.label()))
                    .append("</td><td>").append(e.articles()).append("</td><td>").append(e.mentions()).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>الفرق عن القواعد الحالية <span class=\"ltr\">(diff against the baseline)</span></h2>\n<p>")
                .append("<span class=\"added\">+").append(report.diff().added()).append("</span> · <span class=\"lost\">-")
                .append(report.diff().lost()).append("</span></p>\n<h3 class=\"added\">added</h3>\n");
        report.diff().addedExamples().forEach(s -> sample(h, s));
        h.append("<h3 class=\"lost\">lost</h3>\n");
        report.diff().lostExamples().forEach(s -> sample(h, s));

        h.append("<h2>أمثلة <span class=\"ltr\">(sample hits)</span></h2>\n");
        report.samples().forEach(s -> sample(h, s));
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String range(BacktestReport report) {
        return report.from().isEmpty() && report.to().isEmpty() ? "whole input" : report.from() + " .. " + report.to();
    }

    /** Small multiples: one row of daily bars per rule (the busiest rules first), one shared day axis. */
    private static void chart(StringBuilder h, BacktestReport report) {
        TreeSet<String> days = new TreeSet<>();
        Map<String, Map<String, Long>> byRule = new LinkedHashMap<>();
        report.hitsPerDay().forEach(d -> {
            days.add(d.day());
            byRule.computeIfAbsent(d.rule(), k -> new LinkedHashMap<>()).put(d.day(), d.hits());
        });
        if (days.isEmpty()) {
            h.append("<p>no hits</p>\n");
            return;
        }
        List<String> rules = new ArrayList<>(byRule.keySet());
        rules.sort((a, b) -> {
            long ha = byRule.get(a).values().stream().mapToLong(Long::longValue).sum();
            long hb = byRule.get(b).values().stream().mapToLong(Long::longValue).sum();
            return ha != hb ? Long.compare(hb, ha) : a.compareTo(b);
        });
        rules = rules.subList(0, Math.min(CHART_RULES, rules.size()));
        long max = report.hitsPerDay().stream().mapToLong(BacktestReport.DayCount::hits).max().orElse(1);
        List<String> dayList = new ArrayList<>(days);
        int label = 160;
        int rowHeight = 28;
        double barWidth = Math.max(1.0, Math.min(12.0, 700.0 / dayList.size()));
        int width = label + (int) Math.ceil(barWidth * dayList.size()) + 10;
        int height = rowHeight * rules.size() + 24;
        h.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" direction=\"ltr\" width=\"%d\" "
                + "height=\"%d\" role=\"img\" aria-label=\"hits per rule per day\">\n", width, height));
        for (int row = 0; row < rules.size(); row++) {
            String rule = rules.get(row);
            int base = row * rowHeight + rowHeight - 4;
            h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"11\">%s</text>\n", base, Escape.markup(rule)));
            Map<String, Long> counts = byRule.get(rule);
            for (int i = 0; i < dayList.size(); i++) {
                long hits = counts.getOrDefault(dayList.get(i), 0L);
                if (hits == 0) {
                    continue;
                }
                double bar = Math.max(1.0, (rowHeight - 6) * (double) hits / max);
                h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"#3b6ea5\"><title>%s %s: %d</title></rect>\n", label + i * barWidth, base - bar,
                        Math.max(0.5, barWidth - 1), bar, Escape.markup(rule), Escape.markup(dayList.get(i)), hits));
            }
        }
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", label, height - 4,
                Escape.markup(dayList.get(0))));
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
                width - 10, height - 4, Escape.markup(dayList.get(dayList.size() - 1))));
        h.append("</svg>\n");
    }

    private static void sample(StringBuilder h, BacktestReport.Sample s) {
        h.append("<div class=\"sample\"><p><strong>").append(highlight(s.title(), s.titleMentions())).append("</strong></p>")
                .append("<p>").append(mark(s.snippet(), s.mentionTexts())).append("</p><p class=\"ltr\">")
                .append(Escape.markup(s.rule())).append(" · ").append(Escape.markup(s.articleId())).append(" · ").append(Escape.markup(s.source()))
                .append(" · ").append(Escape.markup(s.publishedAt())).append(" · ").append(Escape.markup(String.join(", ", s.terms())))
                .append("</p></div>\n");
    }

    /** The title with its mentions marked by their offsets; overlapping or out-of-range mentions are skipped. */
    static String highlight(String text, List<Mention> mentions) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Mention m : mentions) {
            if (m.start() < at || m.end() > text.length() || m.start() == m.end()) {
                continue;
            }
            out.append(Escape.markup(text.substring(at, m.start()))).append("<mark>")
                    .append(Escape.markup(text.substring(m.start(), m.end()))).append("</mark>");
            at = m.end();
        }
        return out.append(Escape.markup(text.substring(at))).toString();
    }

    /** The snippet with every occurrence of a mentioned word marked (a snippet has no offsets of its own). */
    static String mark(String text, List<String> words) {
        boolean[] marked = new boolean[text.length()];
        for (String w : words) {
            for (int i = text.indexOf(w); i >= 0 && !w.isEmpty(); i = text.indexOf(w, i + w.length())) {
                for (int j = i; j < i + w.length(); j++) {
                    marked[j] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && marked[j] == marked[i]) {
                j++;
            }
            String part = Escape.markup(text.substring(i, j));
            out.append(marked[i] ? "<mark>" + part + "</mark>" : part);
            i = j;
        }
        return out.toString();
    }
}

package org.raqib.ingest.simulate;

import static org.raqib.core.text.Escape.markup;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.raqib.core.json.Json;

/**
 * An article page in the template Arabic news sites use: navigation, a breaking-news ticker, the article with a
 * caption, an inline «اقرأ أيضاً» box inside the body, share buttons, a «أخبار ذات علاقة» box, a most-read list and a
 * footer — the clutter extraction must leave out.
 */
final class ArticlePage {

    private ArticlePage() {}

    /** The page of {@code item}; {@code others} fill the related and most-read boxes. */
    static String render(SimulatedItem item, List<SimulatedItem> others, Function<SimulatedItem, String> link) {
        String title = item.article().title();
        List<String> paragraphs = Markup.paragraphs(item.article().body());
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(markup(title)).append(" | ").append(markup(item.source())).append("</title>\n")
                .append("<meta property=\"og:title\" content=\"").append(markup(title)).append("\">\n")
                .append("<meta property=\"og:type\" content=\"article\">\n")
                .append("<meta property=\"article:published_time\" content=\"").append(item.publishedAt()).append("\">\n")
                .append("<script type=\"application/ld+json\">")
                .append(Json.write(Map.of("@context", "https://schema.org", "@type", "NewsArticle", "headline", title,
                        "datePublished", item.publishedAt().toString(),
                        "author", Map.of("@type", "Person", "name", "محرر " + item.source()))).replace("</", "<\\/"))
                .append("</script>\n")
                .append("</head>\n<body>\n")
                .append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">").append(markup(item.source()))
                .append("</a>\n<nav class=\"main-nav\"><ul><li><a href=\"/\">الرئيسية</a></li><li><a href=\"/\">محليات</a></li>"
                        + "<li><a href=\"/\">سياسة</a></li><li><a href=\"/\">اقتصاد</a></li><li><a href=\"/\">رياضة</a></li>"
                        + "<li><a href=\"/\">منوعات</a></li></ul></nav></header>\n")
                .append("<div class=\"breaking-ticker\"><span>عاجل</span> ");
        if (!others.isEmpty()) {
            out.append(markup(others.get(0).article().title()));
        }
        out.append("</div>\n<main class=\"container\">\n<article class=\"article\">\n")
                .append("<h1 class=\"article-title\">").append(markup(title)).append("</h1>\n")
                .append("<div class=\"article-meta\"><span class=\"author\">").append(markup("محرر " + item.source()))
                .append("</span> <time datetime=\"").append(item.publishedAt()).append("\">")
                .append(item.publishedAt()).append("</time></div>\n")
                .append("<figure class=\"article-image\"><img src=\"/static/photo.jpg\" alt=\"\">"
                        + "<figcaption>صورة أرشيفية - المصدر: وكالات</figcaption></figure>\n")
                .append("<div class=\"article-body\">\n");
        for (int i = 0; i < paragraphs.size(); i++) {
            out.append("<p>").append(markup(paragraphs.get(i))).append("</p>\n");
            if (i == 0 && others.size() > 1) {
                out.append("<div class=\"read-also\"><strong>اقرأ أيضاً:</strong> <a href=\"")
                        .append(markup(link.apply(others.get(1)))).append("\">")
                        .append(markup(others.get(1).article().title())).append("</a></div>\n");
            }
        }
        out.append("</div>\n<div class=\"share-buttons\">شارك الخبر: <a href=\"#\">تويتر</a> <a href=\"#\">فيسبوك</a>"
                + " <a href=\"#\">واتساب</a></div>\n</article>\n")
                .append("<aside class=\"related-news\"><h3>أخبار ذات علاقة</h3><ul>\n");
        for (SimulatedItem other : others) {
            out.append("<li><a href=\"").append(markup(link.apply(other))).append("\">")
                    .append(markup(other.article().title())).append("</a></li>\n");
        }
        out.append("</ul></aside>\n<aside class=\"most-read\"><h3>الأكثر قراءة</h3><ol>\n");
        for (int i = others.size() - 1; i >= 0; i--) {
            out.append("<li>").append(markup(others.get(i).article().title())).append("</li>\n");
        }
        return out.append("</ol></aside>\n</main>\n<footer class=\"site-footer\"><p>جميع الحقوق محفوظة © ")
                .append(markup(item.source()))
                .append("</p><p><a href=\"/\">من نحن</a> | <a href=\"/\">اتصل بنا</a> | <a href=\"/\">سياسة الخصوصية</a>"
                        + "</p></footer>\n</body>\n</html>\n")
                .toString();
    }
}

package org.raqib.ingest.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.raqib.core.json.Json;
import org.raqib.ingest.parse.Dates;
import org.raqib.ingest.parse.TextCleaner;

/** A page's declared metadata: JSON-LD first (what publishers give search engines), then OpenGraph and meta tags. */
final class PageMetadata {

    private static final Set<String> ARTICLE_TYPES = Set.of("NewsArticle", "Article", "ReportageNewsArticle",
            "BlogPosting", "AnalysisNewsArticle", "OpinionNewsArticle", "WebPage");

    private static final List<String> META_KEYS = List.of("property", "name", "itemprop");

    /** Publishers often paste article text into JSON-LD with raw line breaks, which strict JSON forbids. */
    private static final ObjectReader LENIENT = Json.mapper().reader()
            .with(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS);

    final String title;
    final Instant published;
    final String author;
    final String lang;
    /** The JSON-LD {@code articleBody} as plain text, paragraphs kept; empty when the page gives none. */
    final String articleBody;

    private PageMetadata(String title, Instant published, String author, String lang, String articleBody) {
        this.title = title;
        this.published = published;
        this.author = author;
        this.lang = lang;
        this.articleBody = articleBody;
    }

    /**
     * Reads the metadata of {@code doc} from its {@code sources}, the elements {@link Sources} gathered from the whole
     * page in document order.
     */
    static PageMetadata of(Document doc, Sources sources) {
        Optional<JsonNode> ld = jsonLd(sources.jsonLd);
        List<Element> metas = sources.metas;
        String title = ld.map(n -> text(n, "headline")).filter(s -> !s.isEmpty())
                .orElseGet(() -> meta(metas, "og:title").orElseGet(() -> TextCleaner.clean(doc.title())));
        Instant published = ld.map(n -> text(n, "datePublished")).flatMap(Dates::parse)
                .or(() -> meta(metas, "article:published_time").flatMap(Dates::parse))
                .or(() -> meta(metas, "date").flatMap(Dates::parse))
                .or(() -> Optional.ofNullable(sources.time).flatMap(t -> Dates.parse(t.attr("datetime"))))
                .orElse(null);
        String author = ld.map(PageMetadata::author).filter(s -> !s.isEmpty())
                .or(() -> meta(metas, "author"))
                .or(() -> meta(metas, "article:author").filter(a -> !a.startsWith("http")))
                .orElse("");
        Element html = sources.html;
        String lang = html == null ? "" : html.attr("lang").strip();
        if (lang.isEmpty()) {
            lang = ld.map(n -> text(n, "inLanguage")).orElse("");
        }
        String articleBody = ld.map(n -> text(n, "articleBody")).map(TextCleaner::paragraphs).orElse("");
        return new PageMetadata(TextCleaner.clean(title), published, TextCleaner.clean(author), lang, articleBody);
    }

    /**
     * The elements metadata is read from, as "meta", "script[type=application/ld+json]" (in document order), and the
     * first "time[datetime]" and "html" select them (tag names exactly, attribute names and values ignoring case,
     * values trimmed), gathered from the nodes it is shown. Running each selector walked the whole page; this is shown
     * the page's body by the walk that cleans it (see {@link PageCleaner#clean}) and reads the rest with {@link
     * #around}.
     */
    static final class Sources implements NodeVisitor {

        final List<Element> metas = new ArrayList<>();
        final List<Element> jsonLd = new ArrayList<>();
        Element time;
        Element html;

        /**
         * Gathers the sources of {@code doc} that are not in {@code body}: those before it into {@code before}, those
         * after it into {@code after}.
         */
        static void around(Document doc, Element body, Sources before, Sources after) {
            NodeTraversor.filter(new NodeFilter() {
                private Sources into = before;

                @Override
                public FilterResult head(Node node, int depth) {
                    if (node == body) {
                        into = after;
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    into.head(node, depth);
                    return FilterResult.CONTINUE;
                }

                @Override
                public FilterResult tail(Node node, int depth) {
                    return FilterResult.CONTINUE;
                }
            }, doc);
        }

        /** Adds {@code later}'s sources, gathered from nodes after this one's, to these. */
        void add(Sources later) {
            metas.addAll(later.metas);
            jsonLd.addAll(later.jsonLd);
            time = time == null ? later.time : time;
            html = html == null ? later.html : html;
        }

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            switch (e.normalName()) {
                case "meta" -> metas.add(e);
                case "script" -> {
                    if (e.hasAttr("type") && "application/ld+json".equalsIgnoreCase(e.attr("type").trim())) {
                        jsonLd.add(e);
                    }
                }
                case "time" -> {
                    if (time == null && e.hasAttr("datetime")) {
                        time = e;
                    }
                }
                case "html" -> {
                    if (html == null) {
                        html = e;
                    }
                }
                default -> {
                    // not a source of metadata
                }
            }
        }
    }

    /**
     * The {@code content} of the first of {@code metas} whose {@code property}, {@code name} or {@code itemprop} is
     * {@code name}, compared as jsoup's {@code meta[property=name]} does (ignoring case and the value's outer spaces).
     */
    private static Optional<String> meta(List<Element> metas, String name) {
        for (Element e : metas) {
            for (String key : META_KEYS) {
                if (e.hasAttr(key) && name.equalsIgnoreCase(e.attr(key).trim())) {
                    return Optional.of(e.attr("content").strip()).filter(s -> !s.isEmpty());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> jsonLd(List<Element> scripts) {
        for (Element script : scripts) {
            try {
                JsonNode root = LENIENT.readTree(script.data());
                List<JsonNode> candidates = new ArrayList<>();
                collect(root, candidates);
                for (JsonNode node : candidates) {
                    if (isArticle(node)) {
                        return Optional.of(node);
                    }
                }
            } catch (Exception e) {
                // Broken JSON-LD is common; the OpenGraph and DOM fallbacks still apply.
            }
        }
        return Optional.empty();
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else if (node.isObject()) {
            out.add(node);
            collect(node.get("@graph"), out);
        }
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (ARTICLE_TYPES.contains(t.asText()) && !t.asText().equals("WebPage")) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPES.contains(type.asText()) && !type.asText().equals("WebPage");
    }

    private static String author(JsonNode node) {
        JsonNode author = node.get("author");
        if (author == null) {
            return "";
        }
        if (author.isArray()) {
            List<String> names = new ArrayList<>();
            author.forEach(a -> names.add(a.isObject() ? text(a, "name") : a.asText()));
            return String.join(", ", names.stream().filter(s -> !s.isBlank()).toList());
        }
        return author.isObject() ? text(author, "name") : author.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText().strip();
    }
}

package org.raqib.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContainerNamesTest {

    /** The regular expressions {@link ContainerNames} replaced: the definition of what a name marks. */
    private static final Pattern KEEP = Pattern.compile("article-?body|story-?body|post-?body|entry-?content"
            + "|article-?content|main-?content|articletext|article-?text", Pattern.CASE_INSENSITIVE);

    private static final Pattern COMMENTS = Pattern.compile(
            "(^|[\\s_-])comments?($|[\\s_-])|commentlist|comment-?thread|disqus|respond", Pattern.CASE_INSENSITIVE);

    private static final Pattern BOILERPLATE = Pattern.compile(String.join("|",
            "a(?:dvert|uthor-?(?:bio|box|info|card|profile)|bout-?the-?author|lso-?read)",
            "\\bads?\\b|\\bad-",
            "b(?:readcrumb|yline)",
            "c(?:omment|ookie|aption|redit)",
            "d(?:ateline|isqus|isclaimer)",
            "footer",
            "login",
            "m(?:ost-?read|ore-?stories|odal|enu|asthead)",
            "n(?:ewsletter|av\\b|avbar)",
            "outbrain",
            "p(?:opular|romo|agination|opup|rint-only)",
            "r(?:elated|ecommend|ead-?more|ating)",
            "s(?:hare|haring|ocial|idebar|ubscri|ponsor|ignup|r-only)",
            "t(?:rending|aboola|oolbar|imestamp)",
            "\\btags?\\b",
            "visually-hidden",
            "widget"),
            Pattern.CASE_INSENSITIVE);

    /** Pieces names are built from: the words, their near misses, separators, case, Arabic letters and marks. */
    private static final List<String> PIECES = List.of("article", "body", "-", "_", " ", "\t", "Body", "ARTICLE",
            "story", "post", "entry", "content", "main", "text", "comment", "comments", "list", "thread", "disqus",
            "respond", "advert", "author", "bio", "box", "info", "card", "profile", "about", "the", "also", "read",
            "ad", "ads", "Ad", "breadcrumb", "byline", "cookie", "caption", "credit", "dateline", "disclaimer",
            "footer", "login", "most", "more", "stories", "modal", "menu", "masthead", "newsletter", "nav", "navbar",
            "bar", "outbrain", "popular", "promo", "pagination", "popup", "print", "only", "related", "recommend",
            "rating", "share", "sharing", "social", "sidebar", "subscri", "sponsor", "signup", "sr", "trending",
            "taboola", "toolbar", "timestamp", "tag", "tags", "visually", "hidden", "widget", "x", "1", "é", "خبر",
            "\u064E", "\u0301", "K", "\u212A", "ı", "İ", "\u00A0", "\u2028", ".", "\uD83D\uDE00", "\uDC00", "\u000B",
            "\u001C", "\u0085", "\u2029", "\r\n", "\n");

    @Test
    void marksNamesAsTheRegularExpressionsItReplacedDid() {
        Random random = new Random(5);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder name = new StringBuilder();
            int pieces = 1 + random.nextInt(4);
            for (int p = 0; p < pieces; p++) {
                name.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String s = random.nextInt(4) == 0 ? name.toString().toUpperCase(java.util.Locale.ROOT) : name.toString();
            assertThat(ContainerNames.kind(s)).as("kind of \"%s\"", s).isEqualTo(expected(s));
        }
    }

    @Test
    void readsWordsAnywhereInAName() {
        assertThat(ContainerNames.kind("td-post-content articleBody")).isEqualTo(ContainerNames.KEEP);
        assertThat(ContainerNames.kind("user-comments")).isEqualTo(ContainerNames.COMMENTS);
        assertThat(ContainerNames.kind("commentary")).isEqualTo(ContainerNames.BOILERPLATE);
        assertThat(ContainerNames.kind("ShareBar")).isEqualTo(ContainerNames.BOILERPLATE);
        assertThat(ContainerNames.kind("header ad-slot")).isEqualTo(ContainerNames.BOILERPLATE);
        assertThat(ContainerNames.kind("headline loaded")).isZero();
        assertThat(ContainerNames.kind("")).isZero();
    }

    private static int expected(String name) {
        return KEEP.matcher(name).find() ? ContainerNames.KEEP
                : COMMENTS.matcher(name).find() ? ContainerNames.COMMENTS
                : BOILERPLATE.matcher(name).find() ? ContainerNames.BOILERPLATE : 0;
    }
}

package org.raqib.alerts.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.raqib.alerts.Fixtures;
import org.raqib.core.model.Alert;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Match;
import org.raqib.core.model.Mention;

class AlertMailTest {

    @Test
    void highlightsTitleMentionsWithTheirEnglishLabelsRightToLeft() {
        Alert alert = new Alert("al-1", "s", "new", Fixtures.T0, Fixtures.storylineMatch("a1"));
        String html = AlertMail.html(alert, "http://localhost:8080/api/alerts/al-1");
        assertThat(html).contains("dir=\"rtl\"", "ليبيا</mark> <small dir=\"ltr\">(Libya)</small>",
                "href=\"https://example.org/a1\"");
    }

    @Test
    void escapesEverythingTakenFromTheArticle() {
        Match m = Fixtures.storylineMatch("a2");
        String title = "<script>alert(1)</script> ليبيا";
        Match hostile = new Match(m.articleId(), m.storyId(), true, "<b>src</b>", m.feedId(),
                "https://example.org/?a=\"><script>", title, "ar", m.publishedAt(), m.fetchedAt(), m.matchedAt(),
                List.of(new EntityHit("LY", "Libya<i>", "libya", "country",
                        List.of(new Mention("title", 26, 31, "ليبيا", 1.0, "alias")))),
                List.of(), true, "<img src=x onerror=alert(1)>");
        String html = AlertMail.html(new Alert("al-2", "s", "new", Fixtures.T0, hostile), "http://x/");
        assertThat(html).doesNotContain("<script>", "<img", "<b>src", "<i>")
                .contains("&lt;script&gt;", "ليبيا</mark>", "(Libya&lt;i&gt;)");
    }

    @Test
    void ignoresMentionsWhoseOffsetsDoNotFitTheTitle() {
        Match m = Fixtures.storylineMatch("a3");
        Match wrong = new Match(m.articleId(), m.storyId(), true, m.source(), m.feedId(), m.url(), "قصير", "ar",
                m.publishedAt(), m.fetchedAt(), m.matchedAt(), m.entities(), List.of(), true, "");
        assertThat(AlertMail.highlightedTitle(wrong)).isEqualTo("قصير");
    }
}

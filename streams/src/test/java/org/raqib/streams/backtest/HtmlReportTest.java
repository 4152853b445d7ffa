package org.raqib.streams.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.raqib.core.model.Mention;

class HtmlReportTest {

    private static final BacktestReport.Sample SAMPLE = new BacktestReport.Sample("niger", "a<1>", "2024-08-10T09:00:00Z",
            "alwasat", "https://example.org/?a=1&b=2", "وفد <script> إلى النيجر",
            "وصل وفد إلى النيجر & عاد", List.of(new Mention("title", 17, 23, "النيجر", 1.0, "alias")),
            List.of("النيجر"), List.of("النيجر"));

    private static final BacktestReport REPORT = new BacktestReport("2024-08-01T00:00:00Z", "2024-09-01T00:00:00Z", 4, 0,
            1, "current", List.of(new BacktestReport.RuleLine("niger", "Niger \"N\"", "medium", true, false, 1, 0, 1, 0)),
            List.of(new BacktestReport.DayCount("niger", "2024-08-10", 1)),
            List.of(new BacktestReport.EntityCount("NE", "Niger", 1, 2)), List.of(SAMPLE),
            new BacktestReport.Diff(1, 0, List.of(SAMPLE), List.of()));

    @Test
    void writesAnArabicRightToLeftPageWithNoExternalResources() {
        String html = HtmlReport.render(REPORT);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("dir=\"rtl\"").contains("<svg")
                .doesNotContain("<script").doesNotContain("src=").doesNotContain("href=");
    }

    @Test
    void escapesEveryTextFromArticlesAndRules() {
        String html = HtmlReport.render(REPORT);

        assertThat(html).contains("وفد &lt;script&gt; إلى").contains("a&lt;1&gt;").contains("Niger &quot;N&quot;")
                .contains("</mark> &amp; عاد");
    }

    @Test
    void marksTitleMentionsByTheirOffsets() {
        assertThat(HtmlReport.highlight(SAMPLE.title(), SAMPLE.titleMentions()))
                .isEqualTo("وفد &lt;script&gt; إلى <mark>النيجر</mark>");
    }

    @Test
    void skipsAMentionWhoseOffsetsLieOutsideTheTitle() {
        assertThat(HtmlReport.highlight("قصير", List.of(new Mention("title", 2, 40, "x", 1.0, "alias"))))
                .isEqualTo("قصير");
    }

    @Test
    void marksMentionedWordsInTheSnippet() {
        assertThat(HtmlReport.mark("وصل وفد إلى النيجر اليوم", List.of("النيجر")))
                .isEqualTo("وصل وفد إلى <mark>النيجر</mark> اليوم");
    }
}

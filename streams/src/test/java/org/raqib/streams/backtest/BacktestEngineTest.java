package org.raqib.streams.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.core.model.Match;
import org.raqib.core.model.RuleHit;

class BacktestEngineTest {

    @TempDir
    Path dir;

    @Test
    void findsTheArticlesEachRuleMatchesInAFileWithoutKafka() throws Exception {
        FileArticles source = new FileArticles(List.of(Fixture.write(dir)), ArticleCleaning.NONE);

        BacktestRun run = Fixture.engine().run(source, List.of(List.of(Fixture.SMUGGLING, Fixture.NIGER)), Progress.NONE)
                .get(0);

        assertThat(run.articles()).isEqualTo(4);
        assertThat(source.rejected()).singleElement().asString().startsWith("fixture.jsonl:5");
        assertThat(run.matches()).extracting(Match::articleId).containsExactlyInAnyOrder("a1", "a3", "a4");
        Match a1 = run.matches().stream().filter(m -> m.articleId().equals("a1")).findFirst().orElseThrow();
        assertThat(a1.rules()).extracting(RuleHit::id).containsExactlyInAnyOrder("smuggling", "niger");
        assertThat(a1.matchedAt()).isEqualTo(BacktestEngine.MATCHED_AT);
    }

    @Test
    void countsHitsPerRulePerDayAndTheEntitiesOfMatchedArticles() throws Exception {
        BacktestReport report = report();

        assertThat(report.hitsPerDay()).extracting(d -> d.rule() + " " + d.day() + " " + d.hits())
                .containsExactly("niger 2024-08-10 1", "niger 2024-08-12 1", "smuggling 2024-08-10 1",
                        "smuggling 2024-08-12 1");
        assertThat(report.topEntities()).extracting(BacktestReport.EntityCount::id).contains("NE");
        assertThat(report.matchedArticles()).isEqualTo(3);
    }

    @Test
    void reportsHitsAddedAndLostAgainstTheBaselineRules() throws Exception {
        BacktestReport report = report();

        assertThat(report.diff().added()).isEqualTo(2);
        assertThat(report.diff().lost()).isEqualTo(1);
        assertThat(report.diff().addedExamples()).extracting(s -> s.rule() + " " + s.articleId())
                .containsExactly("niger a1", "niger a4");
        assertThat(report.diff().lostExamples()).extracting(s -> s.rule() + " " + s.articleId())
                .containsExactly("fuel a3");
        assertThat(report.rules()).extracting(r -> r.id() + " " + r.hits() + " " + r.baselineHits() + " +" + r.added()
                        + " -" + r.lost())
                .containsExactly("fuel 0 1 +0 -1", "niger 2 0 +2 -0", "smuggling 2 2 +0 -0");
    }

    @Test
    void givesByteIdenticalJsonForTwoRunsOverTheSameInput() throws Exception {
        String first = BacktestReports.json(report());
        String second = BacktestReports.json(report());

        assertThat(second).isEqualTo(first);
        assertThat(first).doesNotContain("matchedAt").contains("\"baseline\" : \"baseline.yaml\"");
    }

    private BacktestReport report() throws Exception {
        FileArticles source = new FileArticles(List.of(Fixture.write(dir)), ArticleCleaning.NONE);
        List<BacktestRun> runs = Fixture.engine().run(source, List.of(List.of(Fixture.SMUGGLING, Fixture.NIGER),
                List.of(Fixture.SMUGGLING, Fixture.FUEL)), Progress.NONE);
        return BacktestReports.of(Optional.empty(), Optional.empty(), runs.get(0), Optional.of(runs.get(1)),
                "baseline.yaml");
    }
}

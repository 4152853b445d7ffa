package org.raqib.bench.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.raqib.bench.BenchArticles;

class RuleEvaluationBenchmarkTest {

    @Test
    void evaluatesEveryArticleAgainstTheGeneratedRulesOfEachCount() {
        RuleEvaluationBenchmark bench = new RuleEvaluationBenchmark(BenchArticles.of(40), 4);

        RuleEvaluationBenchmark.Result few = bench.run(10);
        RuleEvaluationBenchmark.Result many = bench.run(1000);

        assertThat(few.rules()).isEqualTo(10);
        assertThat(few.articles()).isEqualTo(40);
        assertThat(many.articles()).isEqualTo(40);
        assertThat(many.hits()).isGreaterThanOrEqualTo(few.hits());
        assertThat(many.matched()).isPositive();
        assertThat(many.toString()).contains("rules=1000", "rules_only_articles_per_s=");
    }

    @Test
    void sameRulesAndArticlesGiveTheSameHits() {
        RuleEvaluationBenchmark bench = new RuleEvaluationBenchmark(BenchArticles.of(20), 0);

        assertThat(bench.run(500).hits()).isEqualTo(bench.run(500).hits());
    }
}

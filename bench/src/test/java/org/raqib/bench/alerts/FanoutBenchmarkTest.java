package org.raqib.bench.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.raqib.alerts.fanout.AlertValues;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Alert;
import org.raqib.core.model.Match;
import org.raqib.core.model.Subscription;

class FanoutBenchmarkTest {

    private final FanoutWorkload workload = new FanoutWorkload();

    @Test
    void generatesSubscriptionsOfEveryKind() {
        List<Subscription> subscriptions = workload.subscriptions(500, 1, "http://127.0.0.1:1/hook");

        assertThat(subscriptions).hasSize(500).extracting(Subscription::id).doesNotHaveDuplicates();
        assertThat(subscriptions).anyMatch(s -> !s.rules().isEmpty() && s.minScore() > 0)
                .anyMatch(s -> !s.entities().isEmpty())
                .anyMatch(s -> !s.sides().isEmpty())
                .anyMatch(Subscription::storylineOnly)
                .anyMatch(s -> !s.sources().isEmpty())
                .anyMatch(s -> s.rules().isEmpty() && s.entities().isEmpty() && s.sides().isEmpty()
                        && s.sources().isEmpty() && !s.storylineOnly());
    }

    @Test
    void indexedAndLinearSelectionBuildTheSameAlerts() {
        List<Subscription> subscriptions = workload.subscriptions(300, 2, "http://127.0.0.1:1/hook");
        FanoutBenchmark bench = new FanoutBenchmark(subscriptions, workload.syntheticMatches(50, 3));
        for (Match match : workload.syntheticMatches(50, 3)) {
            assertThat(bench.alertsFor(FanoutBenchmark.Selection.INDEXED, match)).extracting(Alert::id)
                    .containsExactlyElementsOf(bench.alertsFor(FanoutBenchmark.Selection.LINEAR, match).stream()
                            .map(Alert::id).toList());
        }
    }

    @Test
    void writesTheSameAlertValuesWithTheMatchWrittenOnceAsThroughTheSerde() {
        FanoutBenchmark bench = new FanoutBenchmark(workload.subscriptions(300, 2, "http://127.0.0.1:1/hook"),
                workload.syntheticMatches(50, 3));
        Serializer<Alert> serde = Topics.ALERTS.valueSerde().serializer();
        for (Match match : workload.syntheticMatches(50, 3)) {
            List<Alert> alerts = bench.alertsFor(FanoutBenchmark.Selection.INDEXED, match);
            if (!alerts.isEmpty()) {
                AlertValues values = new AlertValues(alerts.get(0).match());
                for (Alert alert : alerts) {
                    assertThat(values.of(alert)).isEqualTo(serde.serialize(Topics.ALERTS.name(), alert));
                }
            }
        }
    }

    @Test
    void countsMatchesAndAlertsOfTheMeasuredPeriod() {
        FanoutBenchmark bench = new FanoutBenchmark(workload.subscriptions(200, 4, "http://127.0.0.1:1/hook"),
                workload.syntheticMatches(20, 5));

        FanoutBenchmark.Result result = bench.run(FanoutBenchmark.Selection.INDEXED, FanoutBenchmark.Values.MATCH_ONCE, Duration.ofMillis(50),
                Duration.ofMillis(200));

        assertThat(result.subscriptions()).isEqualTo(200);
        assertThat(result.matches()).isPositive();
        assertThat(result.alerts()).isPositive();
        assertThat(result.alertsPerSecond()).isPositive();
    }
}

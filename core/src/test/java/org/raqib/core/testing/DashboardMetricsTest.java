package org.raqib.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardMetricsTest {

    private static final String SCRAPE = """
            # HELP raqib_matches_total Matches by rule.
            # TYPE raqib_matches_total counter
            raqib_matches_total{rule="storyline",service="raqib"} 3.0
            raqib_alerts_delivery_latency_seconds_bucket{le="0.1"} 1
            raqib_alerts_delivery_latency_seconds_count 1
            """;

    @Test
    void reportsQueriedNamesNoSampleCarries(@TempDir Path dir) throws IOException {
        Path dashboard = write(dir, "d.json", """
                {"title": "raqib_not_a_query", "panels": [{"targets": [
                  {"expr": "sum by (rule) (rate(raqib_matches_total[5m]))"},
                  {"expr": "histogram_quantile(0.9, rate(raqib_alerts_delivery_latency_seconds_bucket[5m]))"},
                  {"expr": "raqib_consumer_lag > 0"}]}]}
                """);
        Path rules = write(dir, "r.yml", """
                groups:
                  - name: x
                    rules:
                      - alert: Gone
                        expr: increase(raqib_dlq_records_total[5m]) > 0
                        annotations:
                          summary: "see raqib_feed_errors_total"
                """);

        assertThat(DashboardMetrics.missing(SCRAPE, List.of(dashboard, rules)))
                .containsExactly("raqib_consumer_lag", "raqib_dlq_records_total");
    }

    @Test
    void readsSampleNamesWithAndWithoutLabels() {
        assertThat(DashboardMetrics.exported(SCRAPE)).containsExactlyInAnyOrder("raqib_matches_total",
                "raqib_alerts_delivery_latency_seconds_bucket", "raqib_alerts_delivery_latency_seconds_count");
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}

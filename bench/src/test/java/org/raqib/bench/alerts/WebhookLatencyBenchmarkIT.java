package org.raqib.bench.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.core.kafka.Topics;
import org.raqib.core.testing.KafkaClusterExtension;

class WebhookLatencyBenchmarkIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void deliversEveryAlertOfTheMeasuredPeriodToTheReceiverAndReportsItsLatencies() throws Exception {
        kafka.createTopics(1, Topics.MATCHES, Topics.ALERTS, Topics.ALERT_RETRIES, Topics.SUBSCRIPTIONS, Topics.DLQ);
        WebhookLatencyBenchmark bench = new WebhookLatencyBenchmark(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), dir);

        WebhookLatencyBenchmark.Result result = bench.run(new WebhookLatencyBenchmark.Options(2, 20,
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(60)));

        assertThat(result.sent()).isEqualTo(2 * 20);
        assertThat(result.received()).isEqualTo(result.sent());
        assertThat(result.missing()).isZero();
        assertThat(result.latenciesMillis()).hasSize((int) result.sent());
        assertThat(result.percentile(0.5)).isPositive().isLessThanOrEqualTo(result.percentile(0.99));
        assertThat(result.max()).isGreaterThanOrEqualTo(result.percentile(0.99));
    }
}

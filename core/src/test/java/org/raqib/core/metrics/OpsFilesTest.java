package org.raqib.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.raqib.core.testing.DashboardMetrics;
import org.raqib.core.testing.Promtool;
import org.raqib.core.testing.RaqibMeters;

/** The files in {@code ops/} and the exposition of every Raqib meter, checked by promtool where installed. */
class OpsFilesTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path RULES = REPO.resolve("ops/prometheus/raqib-rules.yml");
    private static final Path DASHBOARD = REPO.resolve("ops/grafana/dashboards/raqib-pipeline.json");
    private static final Path PROMETHEUS = REPO.resolve("ops/prometheus/prometheus.yml");

    @Test
    void alertingRulesPassPromtool() throws Exception {
        assertThat(Promtool.run(null, "check", "rules", RULES.toString())).contains("SUCCESS");
    }

    @Test
    void prometheusConfigurationAndItsRuleFilePassPromtool() throws Exception {
        assertThat(Promtool.run(null, "check", "config", PROMETHEUS.toString())).contains("6 rules found");
    }

    @Test
    void scrapeOfEveryRaqibMeterPassesPromtoolCheckMetrics() throws Exception {
        Promtool.run(scrapeOfEveryMeter(), "check", "metrics");
    }

    @Test
    void scrapeWithKafkaClientMetricsPassesPromtoolCheckMetrics() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(Metrics.promtoolClean());
        // Nothing listens on port 9; creating the producer connects lazily, and its metrics exist from the start.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9", ProducerConfig.CLIENT_ID_CONFIG, "lint"),
                        new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9", ConsumerConfig.CLIENT_ID_CONFIG, "lint",
                        ConsumerConfig.GROUP_ID_CONFIG, "lint"), new StringDeserializer(), new StringDeserializer());
                KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
                KafkaClientMetrics consumerMetrics = new KafkaClientMetrics(consumer)) {
            producerMetrics.bindTo(registry);
            consumerMetrics.bindTo(registry);
            Metrics.bindJvm(registry);
            Promtool.run(registry.scrape(), "check", "metrics");
        } finally {
            registry.close();
        }
    }

    @Test
    void dashboardAndRulesQueryOnlyExportedMetrics() {
        List<Path> files = List.of(DASHBOARD, RULES);
        assertThat(DashboardMetrics.queried(files)).contains("raqib_consumer_lag", "raqib_dlq_records_total",
                "raqib_feed_freshness_lag_seconds", "raqib_alerts_delivered_total");
        assertThat(DashboardMetrics.missing(scrapeOfEveryMeter(), files)).isEmpty();
    }

    @Test
    void everyMeterNameIsDocumentedInOperationsGuide() throws IOException {
        String guide = Files.readString(REPO.resolve("docs/operations.md"), StandardCharsets.UTF_8);
        assertThat(MeterNames.ALL).allSatisfy(name -> assertThat(guide).contains("`" + name + "`"));
    }

    private static String scrapeOfEveryMeter() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            registry.config().commonTags("service", "test", "instance", "localhost");
            registry.config().meterFilter(Metrics.promtoolClean());
            Metrics.bindJvm(registry);
            RaqibMeters.registerAll(registry);
            return registry.scrape();
        } finally {
            registry.close();
        }
    }
}

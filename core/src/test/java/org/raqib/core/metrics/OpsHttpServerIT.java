package org.raqib.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link OpsHttpServer} on a real loopback socket. */
class OpsHttpServerIT {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<HealthCheck.Status> readiness =
            new AtomicReference<>(HealthCheck.Status.down("Kafka Streams is REBALANCING"));
    private final OpsHttpServer server = new OpsHttpServer("127.0.0.1", 0, registry, readiness::get);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        server.close();
        registry.close();
    }

    @Test
    void servesPrometheusTextOfTheRegistry() throws Exception {
        registry.counter(MeterNames.FEED_POLLS, "feed", "demo", "outcome", "new_items").increment();

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("raqib_feed_polls_total{feed=\"demo\",outcome=\"new_items\"} 1.0");
    }

    @Test
    void answersLiveWhileTheProcessRuns() throws Exception {
        HttpResponse<String> response = get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void answersNotReadyWithTheReasonThenReadyWhenTheCheckPasses() throws Exception {
        HttpResponse<String> down = get("/health/ready");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\",\"reason\":\"Kafka Streams is REBALANCING\"}");

        readiness.set(HealthCheck.Status.up());
        HttpResponse<String> up = get("/health/ready");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).isEqualTo("{\"status\":\"UP\",\"reason\":\"ok\"}");
    }

    @Test
    void escapesQuotesInTheReason() throws Exception {
        readiness.set(HealthCheck.Status.down("topic \"raqib.articles\" missing"));

        assertThat(get("/health/ready").body()).contains("\"reason\":\"topic \\\"raqib.articles\\\" missing\"");
    }

    @Test
    void reportsAFailingCheckAsNotReady() throws Exception {
        try (OpsHttpServer failing = new OpsHttpServer("127.0.0.1", 0, registry, () -> {
            throw new IllegalStateException("admin closed");
        })) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + failing.port() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("admin closed");
        }
    }

    @Test
    void refusesAPortInUseWithAMessageSayingWhatToDo() {
        assertThatThrownBy(() -> new OpsHttpServer("127.0.0.1", server.port(), registry, HealthCheck.Status::up))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("choose another port");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package org.raqib.alerts.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.alerts.Fixtures;
import org.raqib.alerts.history.AlertHistory;
import org.raqib.alerts.subscriptions.SubscriptionRegistry;

/** The cap on open alert streams, on a real server with a real client; no broker is needed for an admin stream. */
class AlertStreamLimitTest {

    private static final String TOKEN = "admin-token-for-streams";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private AlertsHttpServer server;

    @BeforeEach
    void startServer() {
        server = new AlertsHttpServer(Fixtures.withMaxStreams(Fixtures.settings(dir.resolve("admin.token"), Map.of()), 1),
                new AccessTokens(TOKEN, Map.of()), new AlertHistory(10),
                new SubscriptionRegistry(Map.of("bootstrap.servers", "127.0.0.1:1")), Readiness::ok, List.of(),
                new SimpleMeterRegistry(), Clock.systemUTC());
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void refusesAStreamBeyondTheLimitWithRetryAfterAndTakesOneAgainOnceAClientLeaves() throws Exception {
        HttpResponse<Stream<String>> first = open();
        assertThat(first.statusCode()).isEqualTo(200);
        try (Stream<String> lines = first.body()) {
            assertThat(lines.iterator().next()).startsWith("retry:");

            HttpResponse<String> refused = http.send(request(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.body()).contains("alerts.maxStreams", "Last-Event-ID");
        }
        // The server notices the client left at its next keep-alive (one second in the test settings).
        assertThatEventually(() -> {
            HttpResponse<Stream<String>> again = open();
            try (Stream<String> lines = again.body()) {
                assertThat(again.statusCode()).isEqualTo(200);
            }
        });
    }

    private HttpResponse<Stream<String>> open() throws Exception {
        return http.send(request(), HttpResponse.BodyHandlers.ofLines());
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/alerts/stream"))
                .header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream").build();
    }
}

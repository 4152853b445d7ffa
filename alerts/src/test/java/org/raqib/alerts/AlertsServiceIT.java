package org.raqib.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raqib.alerts.subscriptions.BuiltinSubscription;
import org.raqib.core.config.AlertsSettings;
import org.raqib.core.json.Json;
import org.raqib.core.kafka.Topics;
import org.raqib.core.testing.KafkaClusterExtension;

/** The alerts service on a real broker, driven over real HTTP. */
class AlertsServiceIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    private static final HttpClient http = HttpClient.newHttpClient();
    private static AlertsService service;
    private static String admin;

    @BeforeAll
    static void startService() throws IOException {
        kafka.createTopics(3, Topics.MATCHES, Topics.ALERTS, Topics.ALERT_RETRIES, Topics.SUBSCRIPTIONS, Topics.DLQ);
        Path tokenFile = Files.createTempDirectory("raqib-alerts-it").resolve("admin.token");
        AlertsSettings settings = Fixtures.settings(tokenFile, Map.of("alice", "alice-token"));
        service = new AlertsService(settings, Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new SimpleMeterRegistry());
        service.start();
        admin = service.adminToken();
        assertThatEventually(() -> assertThat(get("/health/ready", null).statusCode()).isEqualTo(200));
        assertThatEventually(() -> assertThat(service.subscriptions().get(BuiltinSubscription.ID)).isPresent());
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @Test
    void servesAlertsOfNewMatchesNewestFirstWithTheirDetail() throws Exception {
        kafka.send(Topics.MATCHES, "list-1", Fixtures.storylineMatch("list-1"));
        kafka.send(Topics.MATCHES, "list-2", Fixtures.storylineMatch("list-2"));

        assertThatEventually(() -> assertThat(articleIds(get("/api/alerts?limit=100&entity=LY", admin).body()))
                .containsSubsequence("list-2", "list-1"));
        JsonNode newest = Json.mapper().readTree(get("/api/alerts?limit=1", admin).body()).get(0);
        HttpResponse<String> detail = get("/api/alerts/" + newest.get("id").asText(), admin);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(detail.body()).get("deliveries").isArray()).isTrue();
    }

    @Test
    void refusesRequestsWithoutAKnownTokenButAnswersHealthWithout() throws Exception {
        assertThat(get("/api/alerts", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/alerts", "guess").statusCode()).isEqualTo(401);
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/alerts?limit=0", admin).statusCode()).isEqualTo(400);
    }

    @Test
    void subscriberManagesOnlyItsOwnSubscriptionsAndSeesOnlyTheirAlerts() throws Exception {
        HttpResponse<String> bad = send("POST", "/api/subscriptions", "alice-token",
                "{\"id\":\"bad id\",\"minScore\":2,\"channels\":[{\"type\":\"webhook\",\"target\":\"nope\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(bad.body()).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("id", "minScore", "channels[0].target");

        HttpResponse<String> created = send("POST", "/api/subscriptions", "alice-token",
                "{\"id\":\"alice-ly\",\"entities\":[\"LY\"],\"channels\":[{\"type\":\"sse\"}]}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Json.mapper().readTree(created.body()).get("owner").asText()).isEqualTo("alice");
        assertThat(get("/api/subscriptions/" + BuiltinSubscription.ID, "alice-token").statusCode()).isEqualTo(404);
        assertThat(get("/api/subscriptions", admin).body()).contains("alice-ly", BuiltinSubscription.ID);

        kafka.send(Topics.MATCHES, "alice-1", Fixtures.storylineMatch("alice-1"));
        assertThatEventually(() -> assertThat(get("/api/alerts?limit=100", "alice-token").body()).contains("alice-1"));
        assertThat(Json.mapper().readTree(get("/api/alerts?limit=100", "alice-token").body()).findValuesAsText("subscriptionId"))
                .containsOnly("alice-ly");

        HttpResponse<String> feed = get("/api/subscriptions/alice-ly/feed.atom?token=alice-token", null);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("atom+xml"));
        assertThat(feed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "https://example.org/alice-1");

        assertThat(send("DELETE", "/api/subscriptions/alice-ly", "alice-token", "").statusCode()).isEqualTo(204);
        assertThat(get("/api/subscriptions/alice-ly", admin).statusCode()).isEqualTo(404);
    }

    @Test
    @Timeout(120)
    void streamResumesAfterAReconnectWithoutGapsOrRepeats() throws Exception {
        String path = "/api/alerts/stream?subscription=" + BuiltinSubscription.ID;
        String lastId;
        try (Stream<String> lines = stream(path, null)) {
            Iterator<String> it = lines.iterator();
            assertThat(it.next()).startsWith("retry:");
            kafka.send(Topics.MATCHES, "sse-1", Fixtures.storylineMatch("sse-1"));
            List<String[]> first = events(it, 1);
            assertThat(first.get(0)[1]).contains("sse-1");
            lastId = first.get(0)[0];
        }
        kafka.send(Topics.MATCHES, "sse-2", Fixtures.storylineMatch("sse-2"));
        kafka.send(Topics.MATCHES, "sse-3", Fixtures.storylineMatch("sse-3"));
        assertThatEventually(() -> assertThat(get("/api/alerts?limit=100", admin).body()).contains("sse-2", "sse-3"));

        try (Stream<String> lines = stream(path, lastId)) {
            List<String[]> resumed = events(lines.iterator(), 2);
            assertThat(resumed).extracting(e -> Json.mapper().readTree(e[1]).get("match").get("articleId").asText())
                    .containsExactlyInAnyOrder("sse-2", "sse-3");
        }
    }

    /** The next {@code count} events as {id, data}, skipping comments and keep-alives. */
    private static List<String[]> events(Iterator<String> lines, int count) {
        List<String[]> events = new ArrayList<>();
        String id = null;
        while (events.size() < count && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("data: ")) {
                events.add(new String[] {id, line.substring(6)});
            }
        }
        return events;
    }

    private static List<String> articleIds(String json) throws IOException {
        return Json.mapper().readTree(json).findValuesAsText("articleId");
    }

    private static Stream<String> stream(String path, String lastEventId) throws Exception {
        // Browsers ask for gzip; the stream must stay uncompressed or their EventSource would wait for a full buffer.
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + admin)
                .header("Accept-Encoding", "gzip").header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        return response.body();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }
}

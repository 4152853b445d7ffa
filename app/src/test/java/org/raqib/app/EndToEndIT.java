package org.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.app.demo.DemoInbox;
import org.raqib.core.config.ConfigLoader;
import org.raqib.core.config.RaqibConfig;
import org.raqib.core.json.Json;
import org.raqib.core.model.Article;
import org.raqib.core.testing.DashboardMetrics;
import org.raqib.core.testing.Promtool;
import org.raqib.core.testing.KafkaClusterExtension;
import org.raqib.ingest.registry.FeedRegistry;
import org.raqib.ingest.simulate.FeedSimulator;

/**
 * The whole slice on a separately started real broker, as {@code raqib run --bootstrap-servers HOST:PORT} runs it:
 * a feed item is polled into raqib.articles, matched into raqib.matches, and reaches an SSE client as an alert.
 */
class EndToEndIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void feedItemBecomesArticleMatchAndAlertOnTheLiveStream() throws Exception {
        // The demo's subscriber: a signature-checking webhook receiver and a mail server, as `raqib demo` has them.
        StringWriter inboxLog = new StringWriter();
        DemoInbox inbox = new DemoInbox(new PrintWriter(inboxLog), 0, 0);
        Map<String, String> settings = new HashMap<>(inbox.alertsSettings());
        settings.putAll(Map.of(
                "kafka.bootstrapServers", kafka.bootstrapServers(),
                "topics.partitions", "2",
                "alerts.httpPort", "0",
                "alerts.bindAddress", "127.0.0.1",
                "alerts.adminTokenFile", data.resolve("admin.token").toString(),
                "streams.stateDir", data.resolve("streams").toString(),
                "streams.applicationId", "raqib-e2e",
                "ingest.perHostDelay", "10ms"));
        RaqibConfig config = new ConfigLoader(Map.of()).load(Optional.empty(), settings);
        List<Article> corpus = List.of(article("e2e-1", "وفد ليبي يزور نيامي لبحث التعاون الأمني",
                "وصل وفد عسكري من القيادة العامة للجيش الوطني الليبي بقيادة صدام حفتر إلى العاصمة النيجرية نيامي، "
                        + "حيث بحث مع المجلس العسكري في النيجر تعزيز التعاون الأمني ومكافحة تهريب البشر عبر الحدود."));

        try (KafkaConnection connection = KafkaConnection.open(config, KafkaConnection.WhenUnconfigured.START_EMBEDDED);
                RaqibApplication app = RaqibApplication.start(config, connection, RaqibApplication.all(), Clock.systemUTC());
                FeedSimulator simulator = new FeedSimulator(corpus, 0, 60, Clock.systemUTC(), 2); inbox) {
            assertThat(connection.embedded()).isFalse();
            int port = app.alerts().orElseThrow().port();
            String token = app.alerts().orElseThrow().adminToken();
            inbox.subscribe(URI.create("http://127.0.0.1:" + port), token, Duration.ofSeconds(60));
            List<String> events = new ArrayList<>();
            CompletableFuture<Void> stream = listen(port, token, events);

            new FeedRegistry(connection.clients(), Duration.ofSeconds(30))
                    .push(simulator.feeds(Duration.ofSeconds(1), Duration.ofSeconds(5)), false);

            assertThatEventually(Duration.ofSeconds(120), () -> {
                synchronized (events) {
                    assertThat(events).anySatisfy(e -> assertThat(e).contains("وفد ليبي يزور نيامي"));
                }
            });
            stream.cancel(true);
            // The subscriber created through the API gets the alert as a signed webhook and as an email.
            assertThatEventually(Duration.ofSeconds(60), () -> {
                assertThat(inbox.webhooksVerified()).as(inboxLog.toString()).isPositive();
                assertThat(inbox.mails()).as(inboxLog.toString()).isPositive();
                assertThat(inboxLog.toString()).contains("signature ok", "وفد ليبي يزور نيامي", DemoInbox.MAILBOX);
            });
            assertThat(inbox.webhooksRefused()).isZero();
            assertThat(kafka.endOffsets("raqib.articles")).isGreaterThanOrEqualTo(1);
            assertThat(kafka.endOffsets("raqib.matches")).isGreaterThanOrEqualTo(1);

            JsonNode alerts = Json.mapper().readTree(get(port, token, "/api/alerts?limit=5"));
            JsonNode match = alerts.get(0).get("match");
            assertThat(match.get("storyline").asBoolean()).isTrue();
            assertThat(match.get("entities").findValuesAsText("id")).contains("LY", "NE", "NIAMEY", "SADDAM_HAFTAR");
            // Offsets point into the original text, so a UI can highlight exactly what was written.
            String title = match.get("title").asText();
            List<JsonNode> titleMentions = new ArrayList<>();
            match.get("entities").forEach(e -> e.get("mentions").forEach(m -> {
                if (m.get("field").asText().equals("title")) {
                    titleMentions.add(m);
                }
            }));
            assertThat(titleMentions).isNotEmpty().allSatisfy(m -> assertThat(
                    title.substring(m.get("start").asInt(), m.get("end").asInt())).isEqualTo(m.get("text").asText()));
            assertThat(get(port, token, "/api/rules")).contains("\"storyline\"");
            // The all-in-one process serves the topology's queries on the API's port, advertised to other instances.
            assertThatEventually(Duration.ofSeconds(60), () -> {
                JsonNode recent = Json.mapper().readTree(get(port, token, "/api/matches/recent?limit=5"));
                assertThat(recent.get("matches").findValuesAsText("articleId")).contains(match.get("articleId").asText());
                assertThat(recent.get("partial").asBoolean()).isFalse();
            });
            Path ops = Path.of("..", "ops");
            // Consumer lag appears once the groups have committed and the lag meter has refreshed.
            assertThatEventually(Duration.ofSeconds(60), () -> {
                String scrape = get(port, null, "/metrics");
                assertThat(scrape).contains("raqib_articles_processed_total");
                assertThat(DashboardMetrics.missing(scrape, List.of(
                        ops.resolve("grafana/dashboards/raqib-pipeline.json"), ops.resolve("prometheus/raqib-rules.yml"))))
                        .as("metrics the dashboard and alerting rules query but the running services do not export")
                        .isEmpty();
            });
            // The whole live exposition (Raqib, JVM, Kafka client and Streams meters) is what Prometheus will scrape.
            if (Promtool.installed()) {
                Promtool.checkMetrics(get(port, null, "/metrics"));
            }
            assertThat(get(port, null, "/health/ready")).contains("ready");

            // An analyst adds a rule through the API; the running topology applies it to the next article.
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/rules/oil-prices"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":\"oil-prices\",\"name\":\"Oil prices\","
                            + "\"severity\":\"low\",\"query\":\"نفط NEAR/3 أسعار\"}", StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            HttpResponse<String> invalid = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/rules/broken"))
                    .header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":\"broken\",\"query\":\"(نفط AND\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThatEventually(Duration.ofSeconds(60), () -> {
                String id = "oil-" + System.nanoTime();
                kafka.send(org.raqib.core.kafka.Topics.ARTICLES, id, article(id, "ارتفاع أسعار النفط",
                        "ارتفعت أسعار النفط في الأسواق العالمية اليوم"));
                assertThat(kafka.readAtLeast(org.raqib.core.kafka.Topics.MATCHES, 100, Duration.ofSeconds(3)))
                        .anySatisfy(r -> assertThat(r.value().rules()).anySatisfy(h ->
                                assertThat(h.id()).isEqualTo("oil-prices")));
            });

            // The rule editor's "try it": a backtest of an edited rule over the last day, against the live rule.
            HttpResponse<String> tried = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/rules/try?days=1"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString("id: oil-prices\nname: Oil\nseverity: low\nquery: نفط\n",
                            StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(tried.statusCode()).as(tried.body()).isEqualTo(200);
            JsonNode report = Json.mapper().readTree(tried.body()).get("report");
            assertThat(report.get("baseline").asText()).isEqualTo("current");
            assertThat(report.get("rules").get(0).get("hits").asLong()).isPositive();
        }
    }

    private CompletableFuture<Void> listen(int port, String token, List<String> events) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
            try (InputStream in = response.body();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        synchronized (events) {
                            events.add(line.substring(5));
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // the test cancels the stream when it has what it needs
            }
        });
    }

    private String get(int port, String token, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static Article article(String id, String title, String body) {
        return new Article(id, "import", "e2e-news", "https://example.org/" + id, title, "", body, "ar",
                Instant.parse("2024-08-18T07:56:00Z"), Instant.parse("2024-08-18T07:56:00Z"));
    }

}

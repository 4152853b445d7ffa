package org.raqib.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.alerts.AlertsService;
import org.raqib.alerts.Fixtures;
import org.raqib.alerts.fanout.AlertIds;
import org.raqib.alerts.http.Readiness;
import org.raqib.core.config.AlertsSettings;
import org.raqib.core.json.Json;
import org.raqib.core.kafka.Topics;
import org.raqib.core.metrics.MeterNames;
import org.raqib.core.model.Match;
import org.raqib.core.testing.KafkaClusterExtension;

/**
 * Webhook and email delivery with real peers: a real broker, real HTTP receivers on loopback that verify
 * signatures and fail or hang on demand, GreenMail for SMTP, and a restart while retries are pending. Each test
 * filters its subscriptions by its own source, so matches of other tests never reach its receivers.
 */
class DeliveryIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @BeforeAll
    static void createTopics() {
        kafka.createTopics(3, Topics.MATCHES, Topics.ALERTS, Topics.ALERT_RETRIES, Topics.SUBSCRIPTIONS, Topics.DLQ);
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private AlertsService start(AlertsSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    private AlertsService start(AlertsSettings settings, Clock clock) {
        return start(settings, clock, registry);
    }

    private AlertsService start(AlertsSettings settings, Clock clock, SimpleMeterRegistry meters) {
        AlertsService service = new AlertsService(settings, Map.of("bootstrap.servers", kafka.bootstrapServers()),
                meters, clock, List.of(), Readiness::ok);
        service.start();
        assertThatEventually(() -> assertThat(get(service, "/health/ready").statusCode()).isEqualTo(200));
        return service;
    }

    private AlertsSettings settings(Duration retryFor) {
        return Fixtures.settings(dir.resolve("admin.token"), Map.of(), smtp.getSmtp().getPort(),
                KafkaClusterExtension.uniqueName("alerts"), retryFor);
    }

    /** Creates a subscription for matches of {@code source} delivered to {@code channels}; returns its secret. */
    private static String subscribe(AlertsService service, String id, String source, String channels) throws Exception {
        HttpResponse<String> created = send(service, "POST", "/api/subscriptions", "{\"id\":\"" + id
                + "\",\"sources\":[\"" + source + "\"],\"channels\":" + channels + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.mapper().readTree(created.body()).get("secret").asText();
    }

    @Test
    void deliversSignedCloudEventsToAWebhook() throws Exception {
        try (AlertsService service = start(settings(Duration.ofSeconds(30))); WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.secret(subscribe(service, "hook-signed", "src-signed",
                    "[{\"type\":\"webhook\",\"target\":\"" + receiver.url() + "\"}]"));
            kafka.send(Topics.MATCHES, "signed-1", Fixtures.fromSource("signed-1", "src-signed"));

            assertThatEventually(() -> assertThat(receiver.received()).hasSize(1));
            WebhookReceiver.Received request = receiver.received().get(0);
            assertThat(request.signatureValid()).as("signature %s", request.signature()).isTrue();
            assertThat(request.id()).isEqualTo(AlertIds.of("signed-1", "hook-signed"));
            JsonNode event = Json.mapper().readTree(request.body());
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("type").asText()).isEqualTo("org.raqib.alert.new");
            assertThat(event.get("id").asText()).isEqualTo(request.id());
            assertThat(event.get("data").get("match").get("articleId").asText()).isEqualTo("signed-1");
            assertThatEventually(() -> assertThat(get(service, "/api/alerts/" + request.id()).body())
                    .contains("\"outcome\":\"delivered\""));
            assertThat(registry.get(MeterNames.ALERTS_CREATED).tag("kind", "new").counter().count()).isPositive();
            assertThat(registry.get(MeterNames.ALERTS_DELIVERED).tags("channel", "webhook", "outcome", "delivered")
                    .counter().count()).isPositive();
            assertThat(registry.get(MeterNames.ALERTS_DELIVERY_LATENCY).tags("channel", "webhook", "from", "match")
                    .timer().count()).isPositive();
            assertThat(registry.get(MeterNames.ALERTS_RETRIES_PENDING).gauge()).isNotNull();
        }
    }

    @Test
    void postsSlackPresetPayloadsToAnIncomingWebhook() throws Exception {
        try (AlertsService service = start(settings(Duration.ofSeconds(30))); WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(service, "slack-1", "src-slack", "[{\"type\":\"slack\",\"target\":\"" + receiver.url() + "\"}]");
            kafka.send(Topics.MATCHES, "slack-a", Fixtures.fromSource("slack-a", "src-slack"));

            assertThatEventually(() -> assertThat(receiver.received()).hasSize(1));
            JsonNode body = Json.mapper().readTree(receiver.received().get(0).body());
            assertThat(body.get("text").asText()).contains("<https://example.org/slack-a|", "Libya");
        }
    }

    @Test
    void hangingReceiverDoesNotDelayAnother() throws Exception {
        try (AlertsService service = start(settings(Duration.ofSeconds(30)));
                WebhookReceiver hanging = new WebhookReceiver(); WebhookReceiver healthy = new WebhookReceiver()) {
            hanging.holdRequests();
            hanging.secret(subscribe(service, "hook-hanging", "src-two", "[{\"type\":\"webhook\",\"target\":\"" + hanging.url() + "\"}]"));
            healthy.secret(subscribe(service, "hook-healthy", "src-two", "[{\"type\":\"webhook\",\"target\":\"" + healthy.url() + "\"}]"));
            kafka.send(Topics.MATCHES, "two-1", Fixtures.fromSource("two-1", "src-two"));

            assertThatEventually(() -> assertThat(healthy.received()).hasSize(1));
            assertThat(hanging.received()).isEmpty();
            hanging.release();
        }
    }

    @Test
    void sendsASlowReceiverNoMoreThanTheLimitAtOnceWhileAnotherGetsEveryAlertAndLosesNone() throws Exception {
        AlertsSettings settings = Fixtures.settings(dir.resolve("admin.token"), Map.of(), smtp.getSmtp().getPort(),
                KafkaClusterExtension.uniqueName("alerts"), Duration.ofMinutes(5), Duration.ofSeconds(60), 2);
        try (AlertsService service = start(settings);
                WebhookReceiver slow = new WebhookReceiver(); WebhookReceiver fast = new WebhookReceiver()) {
            slow.holdRequests();
            subscribe(service, "hook-slow", "src-limit", "[{\"type\":\"webhook\",\"target\":\"" + slow.url() + "\"}]");
            subscribe(service, "hook-fast", "src-limit", "[{\"type\":\"webhook\",\"target\":\"" + fast.url() + "\"}]");
            List<String> articles = List.of("limit-1", "limit-2", "limit-3", "limit-4", "limit-5", "limit-6");
            for (String article : articles) {
                kafka.send(Topics.MATCHES, article, Fixtures.fromSource(article, "src-limit"));
            }

            assertThatEventually(() -> assertThat(fast.received()).extracting(WebhookReceiver.Received::id)
                    .containsExactlyInAnyOrderElementsOf(articles.stream().map(a -> AlertIds.of(a, "hook-fast")).toList()));
            // Everything reached the fast receiver while the slow one still holds its first two requests.
            assertThatEventually(() -> assertThat(slow.inFlight()).isEqualTo(2));
            assertThat(slow.received()).isEmpty();
            // The other four wait their turn, and operators see them waiting.
            assertThatEventually(() -> assertThat(registry.get(MeterNames.ALERTS_REQUESTS_WAITING).gauge().value())
                    .isEqualTo(4.0));

            slow.release();
            assertThatEventually(() -> assertThat(slow.received()).filteredOn(r -> r.answered() == 204)
                    .extracting(WebhookReceiver.Received::id).containsAll(
                            articles.stream().map(a -> AlertIds.of(a, "hook-slow")).toList()));
            assertThat(slow.mostAtOnce()).isEqualTo(2);
        }
    }

    @Test
    void retriesAFailingReceiverWithTheSameIdAndRecordsEveryAttempt() throws Exception {
        try (AlertsService service = start(settings(Duration.ofSeconds(30))); WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.failNext(2);
            receiver.secret(subscribe(service, "hook-flaky", "src-flaky", "[{\"type\":\"webhook\",\"target\":\"" + receiver.url() + "\"}]"));
            kafka.send(Topics.MATCHES, "flaky-1", Fixtures.fromSource("flaky-1", "src-flaky"));

            assertThatEventually(() -> assertThat(receiver.received()).extracting(WebhookReceiver.Received::answered)
                    .containsExactly(503, 503, 204));
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::id).containsOnly(AlertIds.of("flaky-1", "hook-flaky"));
            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
            assertThatEventually(() -> assertThat(Json.mapper().readTree(get(service, "/api/alerts/"
                    + AlertIds.of("flaky-1", "hook-flaky")).body()).get("deliveries").findValuesAsText("outcome"))
                    .containsExactly("failed", "failed", "delivered"));
        }
    }

    @Test
    void deadLettersADeliveryWithItsAttemptsAfterTheLastRetry() throws Exception {
        try (AlertsService service = start(settings(Duration.ofSeconds(3))); WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.failNext(Integer.MAX_VALUE);
            subscribe(service, "hook-dead", "src-dead", "[{\"type\":\"webhook\",\"target\":\"" + receiver.url() + "\"}]");
            kafka.send(Topics.MATCHES, "dead-1", Fixtures.fromSource("dead-1", "src-dead"));

            String alertId = AlertIds.of("dead-1", "hook-dead");
            assertThatEventually(() -> assertThat(kafka.readAtLeast(Topics.DLQ, 1, Duration.ofSeconds(2)))
                    .extracting(r -> r.value())
                    .anySatisfy(letter -> {
                        assertThat(letter.stage()).isEqualTo("webhook");
                        assertThat(letter.reason()).contains(alertId, "HTTP 503");
                        assertThat(Json.mapper().readTree(letter.value()).get("attempts").size()).isGreaterThan(1);
                    }));
            assertThat(receiver.received().size()).isGreaterThan(1);
        }
    }

    @Test
    void restartDuringPendingRetriesDeliversEverythingOwed() throws Exception {
        String group = KafkaClusterExtension.uniqueName("alerts-restart");
        AlertsSettings settings = Fixtures.settings(dir.resolve("admin.token"), Map.of(), smtp.getSmtp().getPort(), group,
                Duration.ofMinutes(10));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.failNext(Integer.MAX_VALUE);
            try (AlertsService first = start(settings)) {
                receiver.secret(subscribe(first, "hook-restart", "src-restart",
                        "[{\"type\":\"webhook\",\"target\":\"" + receiver.url() + "\"}]"));
                kafka.send(Topics.MATCHES, "restart-1", Fixtures.fromSource("restart-1", "src-restart"));
                kafka.send(Topics.MATCHES, "restart-2", Fixtures.fromSource("restart-2", "src-restart"));
                assertThatEventually(() -> assertThat(receiver.received()).extracting(WebhookReceiver.Received::id)
                        .contains(AlertIds.of("restart-1", "hook-restart"), AlertIds.of("restart-2", "hook-restart")));
            }
            receiver.failNext(0);
            try (AlertsService second = start(settings)) {
                assertThatEventually(() -> assertThat(receiver.received())
                        .filteredOn(r -> r.answered() == 204).extracting(WebhookReceiver.Received::id)
                        .contains(AlertIds.of("restart-1", "hook-restart"), AlertIds.of("restart-2", "hook-restart")));
            }
        }
    }

    @Test
    void mailsRightToLeftHtmlWithHighlightedNamesAndATextPart() throws Exception {
        try (AlertsService service = start(settings(Duration.ofSeconds(30)))) {
            subscribe(service, "mail-1", "src-mail", "[{\"type\":\"email\",\"target\":\"analyst@example.org\"}]");
            kafka.send(Topics.MATCHES, "mail-a", Fixtures.fromSource("mail-a", "src-mail"));

            assertThatEventually(() -> assertThat(smtp.getReceivedMessages()).hasSize(1));
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getSubject()).contains("ليبيا");
            assertThat(mail.getContentType()).startsWith("multipart/alternative");
            String raw = GreenMailUtil.getWholeMessage(mail);
            assertThat(raw).contains("text/plain", "text/html");
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.getContent();
            assertThat((String) parts.getBodyPart(0).getContent()).contains("https://example.org/mail-a");
            assertThat((String) parts.getBodyPart(1).getContent())
                    .contains("dir=\"rtl\"", "<mark", "ليبيا</mark>", "(Libya)", "https://example.org/mail-a");
        }
    }

    @Test
    void foldsEmailOfADigestSubscriptionIntoOneMailGroupedByStory() throws Exception {
        // A clock 10 s before a minute boundary, so the digest interval PT1M ends soon after the matches arrive.
        Instant real = Instant.now();
        long toBoundary = 60_000 - Math.floorMod(real.toEpochMilli(), 60_000);
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(toBoundary - 10_000));
        try (AlertsService service = start(settings(Duration.ofSeconds(30)), clock)) {
            HttpResponse<String> created = send(service, "POST", "/api/subscriptions", "{\"id\":\"digest-1\","
                    + "\"name\":\"Libya digest\",\"sources\":[\"src-digest\"],\"digestEvery\":\"PT1M\","
                    + "\"channels\":[{\"type\":\"email\",\"target\":\"digest@example.org\"}]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Match first = Fixtures.fromSource("digest-a", "src-digest");
            Match copy = new Match("digest-b", first.storyId(), false, "src-digest", "feed-2", "https://example.org/digest-b",
                    first.title(), "ar", first.publishedAt(), first.fetchedAt(), first.matchedAt(), first.entities(),
                    List.of(), true, "");
            kafka.send(Topics.MATCHES, "digest-a", first);
            kafka.send(Topics.MATCHES, "digest-b", copy);
            kafka.send(Topics.MATCHES, "digest-c", Fixtures.fromSource("digest-c", "src-digest"));

            assertThatEventually(() -> assertThat(mailTo("digest@example.org")).isPresent());
            MimeMessage digest = mailTo("digest@example.org").orElseThrow();
            assertThat(digest.getSubject()).contains("2 stories, 3 alerts", "Libya digest");
            String text = (String) ((jakarta.mail.Multipart) digest.getContent()).getBodyPart(0).getContent();
            assertThat(text).contains("https://example.org/digest-a", "https://example.org/digest-b",
                    "https://example.org/digest-c");
        }
    }

    @Test
    void keepsTheHourlyEmailCapAcrossARestart() throws Exception {
        // A clock ten minutes into an hour, so every email of the test falls in the same hour of the cap.
        long intoHour = Math.floorMod(Instant.now().toEpochMilli(), 3_600_000L);
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(600_000 - intoHour));
        AlertsSettings settings = Fixtures.settings(dir.resolve("admin.token"), Map.of(), smtp.getSmtp().getPort(),
                KafkaClusterExtension.uniqueName("alerts-cap"), Duration.ofSeconds(30));
        try (AlertsService first = start(settings, clock)) {
            HttpResponse<String> created = send(first, "POST", "/api/subscriptions", "{\"id\":\"capped-1\","
                    + "\"sources\":[\"src-capped\"],\"maxPerHour\":1,"
                    + "\"channels\":[{\"type\":\"email\",\"target\":\"capped@example.org\"}]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            kafka.send(Topics.MATCHES, "capped-a", Fixtures.fromSource("capped-a", "src-capped"));
            assertThatEventually(() -> assertThat(mailsTo("capped@example.org")).hasSize(1));
            assertThatEventually(() -> assertThat(get(first, "/api/alerts/" + AlertIds.of("capped-a", "capped-1"))
                    .body()).contains("\"outcome\":\"delivered\""));
        }
        // The new instance finds this hour's email in raqib.alerts.retry, so the next alert waits for the next hour.
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (AlertsService second = start(settings, clock, meters)) {
            kafka.send(Topics.MATCHES, "capped-b", Fixtures.fromSource("capped-b", "src-capped"));
            assertThatEventually(() -> assertThat(meters.get(MeterNames.ALERTS_DIGEST_QUEUED).gauge().value())
                    .isEqualTo(1.0));
            assertThat(mailsTo("capped@example.org")).hasSize(1);
        }
    }

    /** The mail GreenMail received for {@code address}, in the order it came. */
    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> mails = new java.util.ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(mail.getAllRecipients()).contains(address)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    private static java.util.Optional<MimeMessage> mailTo(String address) throws Exception {
        return mailsTo(address).stream().findFirst();
    }

    private static HttpResponse<String> get(AlertsService service, String path) throws Exception {
        return send(service, "GET", path, null);
    }

    private static HttpResponse<String> send(AlertsService service, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .header("Authorization", "Bearer " + service.adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}

package org.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.core.config.ConfigLoader;
import org.raqib.core.config.RaqibConfig;
import org.raqib.core.json.Json;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Article;
import org.raqib.core.model.Match;
import org.raqib.core.testing.KafkaClusterExtension;

/**
 * Two {@code raqib streams} instances on a real broker share the partitions, each with its own HTTP server: asking
 * either one returns the matches, stories and trend points of both; when one stops, the other answers for all.
 */
class StreamsQueriesIT {

    private static final int ARTICLES = 24;
    private static final String TOKEN = "streams-queries-it-token";

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eitherInstanceAnswersForBothAndTheSurvivorForAllOnceOneStops() throws Exception {
        Path token = data.resolve("admin.token");
        Files.writeString(token, TOKEN + "\n", StandardCharsets.UTF_8);
        String applicationId = KafkaClusterExtension.uniqueName("raqib-queries-it");

        try (KafkaConnection connection = KafkaConnection.open(config(applicationId, token, "one"),
                        KafkaConnection.WhenUnconfigured.START_EMBEDDED);
                RaqibApplication one = streams(config(applicationId, token, "one"), connection)) {
            RaqibApplication two = streams(config(applicationId, token, "two"), connection);
            try {
                assertThatEventually(Duration.ofSeconds(120), () -> {
                    assertThat(List.of(state(one), state(two))).containsOnly(KafkaStreams.State.RUNNING);
                    assertThat(activeTasks(one)).isNotZero();
                    assertThat(activeTasks(two)).isNotZero();
                });
                List<String> ids = sendArticles();
                List<ConsumerRecord<String, Match>> matches =
                        kafka.readAtLeast(Topics.MATCHES, ARTICLES, Duration.ofSeconds(120));
                assertThat(matches).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
                Set<String> storyIds = new HashSet<>();
                matches.forEach(r -> storyIds.add(r.value().storyId()));
                int portOne = one.streamsHttpPort().orElseThrow();
                int portTwo = two.streamsHttpPort().orElseThrow();

                // Each instance holds a share: the local paths answer for one instance only.
                assertThatEventually(Duration.ofSeconds(60), () -> {
                    List<String> localOne = get(portOne, "/api/local/stories?limit=500").get("stories")
                            .findValuesAsText("id");
                    List<String> localTwo = get(portTwo, "/api/local/stories?limit=500").get("stories")
                            .findValuesAsText("id");
                    assertThat(localOne).isNotEmpty().doesNotContainAnyElementsOf(localTwo);
                    assertThat(localTwo).isNotEmpty();
                    assertThat(get(portOne, "/api/local/matches/recent?limit=500").get("matches")).isNotEmpty();
                    assertThat(get(portTwo, "/api/local/matches/recent?limit=500").get("matches")).isNotEmpty();
                });

                for (int port : List.of(portOne, portTwo)) {
                    assertThatEventually(Duration.ofSeconds(60), () -> assertAnswersForAll(port, ids, storyIds));
                }
                for (String series : List.of("/api/trends/rule/storyline", "/api/trends/entity/NE",
                        "/api/trends/entity/LY")) {
                    String path = series + "?window=hour&from=" + Instant.now().minus(Duration.ofHours(3))
                            + "&to=" + Instant.now().plus(Duration.ofHours(1));
                    JsonNode fromOne = get(portOne, path);
                    JsonNode fromTwo = get(portTwo, path);
                    assertThat(fromOne.get("partial").asBoolean()).as(series).isFalse();
                    assertThat(fromOne.get("points")).as(series).isNotEmpty().isEqualTo(fromTwo.get("points"));
                }
                JsonNode storyline = get(portTwo, "/api/trends/rule/storyline?window=day");
                long counted = 0;
                for (JsonNode point : storyline.get("points")) {
                    counted += point.get("count").asLong();
                }
                assertThat(counted).isEqualTo(ARTICLES);
            } finally {
                two.close();
            }

            // Scaling in: the survivor takes the partitions over, restores their state from the changelogs, and
            // answers for everything on its own.
            int portOne = one.streamsHttpPort().orElseThrow();
            Set<String> storyIds = new HashSet<>();
            kafka.readAtLeast(Topics.MATCHES, ARTICLES, Duration.ofSeconds(30))
                    .forEach(r -> storyIds.add(r.value().storyId()));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i++) {
                ids.add(articleId(i));
            }
            assertThatEventually(Duration.ofSeconds(120), () -> assertAnswersForAll(portOne, ids, storyIds));
        }
    }

    private void assertAnswersForAll(int port, List<String> ids, Set<String> storyIds) throws Exception {
        JsonNode recent = get(port, "/api/matches/recent?limit=500");
        assertThat(recent.get("partial").asBoolean()).isFalse();
        assertThat(recent.get("matches").findValuesAsText("articleId")).containsExactlyInAnyOrderElementsOf(ids);
        JsonNode stories = get(port, "/api/stories?limit=500");
        assertThat(stories.get("partial").asBoolean()).isFalse();
        assertThat(stories.get("stories").findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(storyIds);
        for (String storyId : storyIds) {
            assertThat(get(port, "/api/stories/" + storyId).get("id").asText()).isEqualTo(storyId);
        }
        assertThat(get(port, "/api/matches/recent?limit=5").get("matches")).hasSize(5);
    }

    private RaqibConfig config(String applicationId, Path token, String name) {
        return new ConfigLoader(Map.of()).load(Optional.empty(), Map.of(
                "kafka.bootstrapServers", kafka.bootstrapServers(),
                "topics.partitions", "4",
                "streams.applicationId", applicationId,
                "streams.stateDir", data.resolve(name).toString(),
                "streams.httpPort", "0",
                "alerts.bindAddress", "127.0.0.1",
                "alerts.adminTokenFile", token.toString()));
    }

    private static RaqibApplication streams(RaqibConfig config, KafkaConnection connection) {
        return RaqibApplication.start(config, connection, EnumSet.of(RaqibApplication.Service.STREAMS),
                Clock.systemUTC());
    }

    private static KafkaStreams.State state(RaqibApplication app) {
        return app.streams().orElseThrow().state();
    }

    private static long activeTasks(RaqibApplication app) {
        return app.streams().orElseThrow().streams().metadataForLocalThreads().stream()
                .mapToLong(t -> t.activeTasks().size()).sum();
    }

    /**
     * Storyline articles (a Libyan and a Sahel actor) that tell different stories: each has words of its own, so
     * their story keys spread over the partitions and no two cluster together.
     */
    private List<String> sendArticles() throws Exception {
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, Article> producer = kafka.producer(Topics.ARTICLES)) {
            for (int i = 0; i < ARTICLES; i++) {
                String id = articleId(i);
                StringBuilder body = new StringBuilder("وصل وفد عسكري من الجيش الوطني الليبي إلى نيامي عاصمة النيجر.");
                for (int w = 0; w < 40; w++) {
                    body.append(' ').append(String.format(Locale.ROOT, "w%02dx%02d", i, w));
                }
                Article article = new Article(id, "import", "it-news", "https://example.org/" + id,
                        "وفد ليبي في نيامي " + i, "", body.toString(), "ar", Instant.now(), Instant.now());
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), id, article)).get();
                ids.add(id);
            }
        }
        return ids;
    }

    private static String articleId(int i) {
        return "q" + i;
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + TOKEN)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }
}

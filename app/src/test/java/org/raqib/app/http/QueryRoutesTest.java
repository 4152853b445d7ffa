package org.raqib.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raqib.alerts.http.AccessTokens;
import org.raqib.core.json.Json;
import org.raqib.core.metrics.HealthCheck;
import org.raqib.core.model.Match;
import org.raqib.core.model.Story;
import org.raqib.streams.query.ClusterQueries;
import org.raqib.streams.query.PeerClient;
import org.raqib.streams.query.Placement;
import org.raqib.streams.query.StoresUnavailableException;
import org.raqib.streams.topology.PipelineQueries;

/**
 * The query API of several instances on real local HTTP servers, each with its own stores (sorted maps) and one
 * shared, scripted view of where the stores are: whichever instance is asked answers for all of them.
 */
class QueryRoutesTest {

    private static final String TOKEN = "s3cret";
    private static final AccessTokens TOKENS = new AccessTokens(TOKEN, Map.of());
    private static final Instant T0 = Instant.parse("2024-08-18T08:00:00Z");
    /** Long enough for a busy machine's instance to answer; the silent instance costs this much per query. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ScriptedPlacement placement = new ScriptedPlacement();
    private final List<AutoCloseable> open = new ArrayList<>();

    /**
     * The first exchange of a cold JVM (Jetty, Jackson and the HTTP client loading) can outlast the timeout on a busy
     * machine and make a test's answer partial; one round trip first keeps the tests about what they test.
     */
    @BeforeAll
    static void warmUp() throws Exception {
        QueryRoutesTest warm = new QueryRoutesTest();
        try {
            Instance a = warm.instance();
            Instance b = warm.instance();
            warm.placement.hosts = Set.of(a.host, b.host);
            assertThatEventually(() -> assertThat(json(warm.get(a, "/api/matches/recent")).get("partial").asBoolean())
                    .isFalse());
        } finally {
            warm.close();
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void eitherInstanceAnswersWithTheRecentMatchesOfBothNewestFirstLimitedAfterMerging() throws Exception {
        Instance a = instance();
        Instance b = instance();
        a.recent("a9", 9).recent("a5", 5).recent("a1", 1);
        b.recent("b8", 8).recent("b2", 2);
        placement.hosts = Set.of(a.host, b.host);

        for (Instance asked : List.of(a, b)) {
            JsonNode all = json(get(asked, "/api/matches/recent?limit=10"));
            assertThat(all.get("matches").findValuesAsText("articleId")).containsExactly("a9", "b8", "a5", "b2", "a1");
            assertThat(all.get("partial").asBoolean()).isFalse();
            assertThat(all.get("unavailable")).isEmpty();
            assertThat(json(get(asked, "/api/matches/recent?limit=3")).get("matches").findValuesAsText("articleId"))
                    .containsExactly("a9", "b8", "a5");
        }
    }

    @Test
    void eitherInstanceListsTheStoriesOfBothAndFindsAStoryWhereverItIs() throws Exception {
        Instance a = instance();
        Instance b = instance();
        a.story("s1", 10).story("s3", 30);
        b.story("s2", 20);
        placement.hosts = Set.of(a.host, b.host);

        for (Instance asked : List.of(a, b)) {
            JsonNode stories = json(get(asked, "/api/stories?limit=2"));
            assertThat(stories.get("stories").findValuesAsText("id")).containsExactly("s3", "s2");
            assertThat(stories.get("partial").asBoolean()).isFalse();
            assertThat(json(get(asked, "/api/stories/s1")).get("id").asText()).isEqualTo("s1");
            assertThat(json(get(asked, "/api/stories/s2")).get("id").asText()).isEqualTo("s2");
            HttpResponse<String> missing = get(asked, "/api/stories/nope");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("no story 'nope'");
        }
    }

    @Test
    void asksOnlyTheInstanceThatHoldsTheTrendSeriesKey() throws Exception {
        Instance a = instance();
        Instance b = instance();
        String store = PipelineQueries.trendStore("hour");
        b.stores.putWindow(store, "entity:LY", T0, 3L);
        b.stores.putWindow(store, "entity:LY", T0.plusSeconds(3600), 5L);
        a.stores.putWindow(store, "entity:LY", T0, 99L); // stale copy on an instance that does not own the key
        placement.hosts = Set.of(a.host, b.host);
        placement.owner = b.host;

        for (Instance asked : List.of(a, b)) {
            JsonNode trend = json(get(asked, "/api/trends/entity/LY?window=hour&from=" + T0.minusSeconds(3600)
                    + "&to=" + T0.plusSeconds(7200)));
            assertThat(trend.get("subject").asText()).isEqualTo("entity");
            assertThat(trend.get("id").asText()).isEqualTo("LY");
            assertThat(trend.get("window").asText()).isEqualTo("hour");
            assertThat(trend.get("points").findValuesAsText("count")).containsExactly("3", "5");
            assertThat(trend.get("partial").asBoolean()).isFalse();
        }
        assertThat(get(a, "/api/trends/topic/LY").statusCode()).isEqualTo(400);
    }

    @Test
    void answersWithWhatTheOthersGaveAndNamesTheInstancesThatDidNotAnswer() throws Exception {
        Instance a = instance();
        Instance b = instance();
        a.recent("a9", 9).story("s1", 10);
        b.recent("b8", 8).story("s2", 20);
        HostInfo refusing = new HostInfo("127.0.0.1", closedPort());
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); // accepts, never answers
        open.add(silent);
        HostInfo silentHost = new HostInfo("127.0.0.1", silent.getLocalPort());
        placement.hosts = Set.of(a.host, b.host, refusing, silentHost);

        JsonNode recent = json(get(a, "/api/matches/recent?limit=10"));
        assertThat(recent.get("matches").findValuesAsText("articleId")).containsExactly("a9", "b8");
        assertThat(recent.get("partial").asBoolean()).isTrue();
        assertThat(recent.get("unavailable").findValuesAsText("instance"))
                .containsExactlyInAnyOrder(name(refusing), name(silentHost));
        assertThat(recent.get("unavailable").findValuesAsText("reason")).allSatisfy(r -> assertThat(r).isNotBlank());

        placement.hosts = Set.of(a.host, b.host, refusing);

        JsonNode stories = json(get(b, "/api/stories"));
        assertThat(stories.get("stories").findValuesAsText("id")).containsExactly("s2", "s1");
        assertThat(stories.get("partial").asBoolean()).isTrue();

        // Found elsewhere: the answer; found nowhere while an instance is missing: ask again, not "no such story".
        assertThat(json(get(a, "/api/stories/s2")).get("id").asText()).isEqualTo("s2");
        HttpResponse<String> unknown = get(a, "/api/stories/nope");
        assertThat(unknown.statusCode()).isEqualTo(503);
        assertThat(unknown.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(unknown).get("unavailable").findValuesAsText("instance")).contains(name(refusing));

        placement.owner = refusing;
        JsonNode trend = json(get(a, "/api/trends/rule/storyline"));
        assertThat(trend.get("points")).isEmpty();
        assertThat(trend.get("partial").asBoolean()).isTrue();
        assertThat(trend.get("unavailable").findValuesAsText("instance")).containsExactly(name(refusing));
    }

    @Test
    void answers503WithRetryAfterWhileTheInstancesRebalance() throws Exception {
        Instance a = instance();
        placement.rebalancing = true;

        for (String path : List.of("/api/matches/recent", "/api/stories", "/api/stories/s1",
                "/api/trends/entity/LY", "/api/local/matches/recent")) {
            HttpResponse<String> response = get(a, path);
            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).as(path).hasValue("2");
            assertThat(json(response).get("error").asText()).as(path).containsIgnoringCase("rebalancing");
        }
    }

    @Test
    void answers503WithTheRetryAfterOfAnInstanceThatIsRebalancing() throws Exception {
        Instance a = instance();
        Javalin rebalancing = Javalin.create(config -> config.showJavalinBanner = false)
                .get("/api/local/*", ctx -> ctx.status(503).header("Retry-After", "7")
                        .result("{\"error\":\"Kafka Streams is REBALANCING\"}"))
                .start("127.0.0.1", 0);
        open.add(rebalancing::stop);
        placement.hosts = Set.of(a.host, new HostInfo("127.0.0.1", rebalancing.port()));

        HttpResponse<String> response = get(a, "/api/matches/recent");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void answers503UntilTheStreamsInstanceIsThere() throws Exception {
        QueryRoutes routes = new QueryRoutes();
        StreamsHttpServer server = new StreamsHttpServer("127.0.0.1", 0, TOKENS, HealthCheck.Status::up,
                List.of(routes.plugin())).start();
        open.add(server);

        HttpResponse<String> response = send(server.port(), "/api/stories", "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("starting");
    }

    @Test
    void passesTheCallersTokenOnAndRefusesCallersWithoutOne() throws Exception {
        Instance a = instance();
        Instance b = instance();
        b.recent("b1", 1);
        placement.hosts = Set.of(a.host, b.host);

        // The token in the query string (EventSource-style) reaches b as a bearer header.
        HttpResponse<String> viaParameter = send(a.server.port(), "/api/matches/recent?token=" + TOKEN);
        assertThat(json(viaParameter).get("matches").findValuesAsText("articleId")).containsExactly("b1");
        assertThat(json(viaParameter).get("partial").asBoolean()).isFalse();

        assertThat(send(a.server.port(), "/api/matches/recent").statusCode()).isEqualTo(401);
        assertThat(send(a.server.port(), "/api/local/matches/recent", "Authorization", "Bearer wrong").statusCode())
                .isEqualTo(401);
        assertThat(send(a.server.port(), "/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void localPathsAnswerFromTheInstancesOwnStoresOnly() throws Exception {
        Instance a = instance();
        Instance b = instance();
        a.recent("a1", 1).story("s1", 1);
        b.recent("b1", 1).story("s2", 1);
        placement.hosts = Set.of(a.host, b.host);

        JsonNode recent = json(get(a, "/api/local/matches/recent"));
        assertThat(recent.get("matches").findValuesAsText("articleId")).containsExactly("a1");
        assertThat(recent.get("matches").get(0).get("order").asText()).isNotBlank();
        assertThat(json(get(a, "/api/local/stories")).get("stories").findValuesAsText("id")).containsExactly("s1");
        assertThat(get(a, "/api/local/stories/s2").statusCode()).isEqualTo(404);

        placement.hosts = Set.of(b.host);
        assertThat(json(get(a, "/api/local/matches/recent")).get("matches")).isEmpty();
    }

    private Instance instance() {
        Instance instance = new Instance(placement);
        open.add(instance);
        return instance;
    }

    private HttpResponse<String> get(Instance instance, String path) throws Exception {
        return send(instance.server.port(), path, "Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> send(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    private static String name(HostInfo host) {
        return host.host() + ":" + host.port();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Where the stores are, as a test sets it; shared by every instance, as Kafka Streams' metadata is. */
    private static final class ScriptedPlacement implements Placement {

        volatile Set<HostInfo> hosts = Set.of();
        volatile HostInfo owner = HostInfo.unavailable();
        volatile boolean rebalancing;

        @Override
        public Set<HostInfo> hostsOf(String store) {
            check();
            return hosts;
        }

        @Override
        public HostInfo ownerOf(String store, String key) {
            check();
            return owner;
        }

        private void check() {
            if (rebalancing) {
                throw new StoresUnavailableException("Kafka Streams is REBALANCING; retry shortly",
                        StoresUnavailableException.REBALANCE_RETRY);
            }
        }
    }

    /** One instance: its stores, its HTTP server with the query routes, its client for the others. */
    private static final class Instance implements AutoCloseable {

        final MapStores stores = new MapStores();
        final StreamsHttpServer server;
        final PeerClient peers = new PeerClient(TIMEOUT);
        final HostInfo host;

        Instance(Placement placement) {
            QueryRoutes routes = new QueryRoutes();
            server = new StreamsHttpServer("127.0.0.1", 0, TOKENS, HealthCheck.Status::up, List.of(routes.plugin()))
                    .start();
            host = new HostInfo("127.0.0.1", server.port());
            routes.serve(new ClusterQueries(placement, host, new PipelineQueries(stores), peers));
        }

        Instance recent(String articleId, int minute) {
            long at = T0.plusSeconds(60L * minute).toEpochMilli();
            stores.put(PipelineQueries.RECENT_MATCHES_STORE,
                    String.format(Locale.ROOT, "%019d|%s", Long.MAX_VALUE - at, articleId), match(articleId));
            return this;
        }

        Instance story(String id, int lastSeenMinute) {
            stores.put(PipelineQueries.STORIES_STORE, id, new Story(id, "title " + id, List.of(id), List.of("src"), T0,
                    T0.plusSeconds(60L * lastSeenMinute)));
            return this;
        }

        @Override
        public void close() {
            server.close();
            peers.close();
        }

        private static Match match(String articleId) {
            return new Match(articleId, articleId, true, "source", "feed", "https://example.org/" + articleId, "title",
                    "ar", T0, T0, T0, List.of(), List.of(), true, "");
        }
    }
}

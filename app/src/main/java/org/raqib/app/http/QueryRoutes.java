package org.raqib.app.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.raqib.core.json.Json;
import org.raqib.streams.query.Answer;
import org.raqib.streams.query.ClusterQueries;
import org.raqib.streams.query.PeerClient;
import org.raqib.streams.query.StoresUnavailableException;

/**
 * Interactive queries of the topology's stores for the UI, answered for the whole application by any Streams
 * instance: {@code GET /api/matches/recent?limit=N}, {@code GET /api/stories?limit=N}, {@code GET /api/stories/{id}}
 * and {@code GET /api/trends/{entity|rule}/{id}?window=hour|day&from=ISO&to=ISO}. The list answers carry
 * {@code "partial": true} and the {@code "unavailable"} instances when some instance did not answer in time. While
 * the instances rebalance they answer 503 with {@code Retry-After}.
 *
 * <p>The same queries under {@value PeerClient#LOCAL} answer from this instance's stores only; the instances ask
 * each other there, so a query never recurses.
 *
 * <p>The server starts listening before the Streams instance exists, because the instance advertises the server's
 * port; until {@link #serve} the routes answer 503.
 */
public final class QueryRoutes {

    private static final int MAX_LIMIT = 500;
    private static final String LOCAL = PeerClient.LOCAL;

    private volatile ClusterQueries queries;

    /** Starts answering with {@code queries}. */
    public void serve(ClusterQueries queries) {
        this.queries = queries;
    }

    public Consumer<JavalinConfig> plugin() {
        return config -> config.router.mount(router -> {
            router.get("/api/matches/recent", ctx -> {
                Answer<?> answer = queries().recentMatches(limit(ctx), bearer(ctx));
                json(ctx, 200, body(answer, "matches", answer.value()));
            });
            router.get("/api/stories", ctx -> {
                Answer<?> answer = queries().recentStories(limit(ctx), bearer(ctx));
                json(ctx, 200, body(answer, "stories", answer.value()));
            });
            router.get("/api/stories/{id}", this::story);
            router.get("/api/trends/{subject}/{id}", this::trend);

            router.get(LOCAL + "/matches/recent", ctx ->
                    json(ctx, 200, Map.of("matches", queries().localRecent(limit(ctx)))));
            router.get(LOCAL + "/stories", ctx ->
                    json(ctx, 200, Map.of("stories", queries().localStories(limit(ctx)))));
            router.get(LOCAL + "/stories/{id}", ctx -> queries().localStory(ctx.pathParam("id")).ifPresentOrElse(
                    story -> json(ctx, 200, story), () -> noStory(ctx)));
            router.get(LOCAL + "/trends/{subject}/{id}", this::localTrend);

            router.exception(StoresUnavailableException.class, (e, ctx) -> unavailable(ctx, e.retryAfter(),
                    Map.of("error", e.getMessage())));
        });
    }

    private void story(Context ctx) {
        String id = ctx.pathParam("id");
        Answer<Optional<org.raqib.core.model.Story>> answer = queries().story(id, bearer(ctx));
        if (answer.value().isPresent()) {
            json(ctx, 200, answer.value().get());
        } else if (answer.partial()) {
            // The missing instance may hold it: "not found" would be a guess, "ask again" is the truth.
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "no instance that answered holds story '" + id + "'; others did not answer");
            body.put("partial", true);
            body.put("unavailable", answer.unavailable());
            unavailable(ctx, StoresUnavailableException.REBALANCE_RETRY, body);
        } else {
            noStory(ctx);
        }
    }

    private void trend(Context ctx) {
        Trend trend = Trend.of(ctx);
        Answer<?> answer;
        try {
            answer = queries().trendSeries(trend.subject(), trend.id(), trend.window(), trend.from(), trend.to(),
                    bearer(ctx));
        } catch (IllegalArgumentException e) {
            json(ctx, 400, Map.of("error", e.getMessage()));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", trend.subject());
        body.put("id", trend.id());
        body.put("window", trend.window());
        json(ctx, 200, body(answer, body, "points", answer.value()));
    }

    private void localTrend(Context ctx) {
        Trend trend = Trend.of(ctx);
        try {
            json(ctx, 200, Map.of("points", queries().localTrendSeries(trend.subject(), trend.id(), trend.window(),
                    trend.from(), trend.to())));
        } catch (IllegalArgumentException e) {
            json(ctx, 400, Map.of("error", e.getMessage()));
        }
    }

    /** The parameters of a trend query, with defaults: hourly, the last 48 hours (30 days for daily). */
    private record Trend(String subject, String id, String window, Instant from, Instant to) {

        static Trend of(Context ctx) {
            String window = ctx.queryParamAsClass("window", String.class).getOrDefault("hour");
            Instant to = time(ctx, "to", Instant.now());
            Instant from = time(ctx, "from",
                    to.minus(window.equals("day") ? Duration.ofDays(30) : Duration.ofHours(48)));
            return new Trend(ctx.pathParam("subject"), ctx.pathParam("id"), window, from, to);
        }
    }

    private ClusterQueries queries() {
        ClusterQueries current = queries;
        if (current == null) {
            throw new StoresUnavailableException("Kafka Streams is starting; retry shortly",
                    StoresUnavailableException.REBALANCE_RETRY);
        }
        return current;
    }

    private static Map<String, Object> body(Answer<?> answer, String name, Object value) {
        return body(answer, new LinkedHashMap<>(), name, value);
    }

    private static Map<String, Object> body(Answer<?> answer, Map<String, Object> body, String name, Object value) {
        body.put(name, value);
        body.put("partial", answer.partial());
        body.put("unavailable", answer.unavailable());
        return body;
    }

    /** The caller's bearer token, passed on to the other instances, which check it against the same tokens. */
    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return Optional.of(header.substring("bearer ".length()).strip());
        }
        return Optional.ofNullable(ctx.queryParam("token")).filter(token -> !token.isBlank());
    }

    private static int limit(Context ctx) {
        return ctx.queryParamAsClass("limit", Integer.class)
                .check(n -> n > 0 && n <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT)
                .getOrDefault(50);
    }

    private static Instant time(Context ctx, String name, Instant otherwise) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(name + " must be an ISO-8601 time such as 2024-08-18T00:00:00Z");
        }
    }

    private static void noStory(Context ctx) {
        json(ctx, 404, Map.of("error", "no story '" + ctx.pathParam("id") + "' in the story window"));
    }

    private static void unavailable(Context ctx, Duration retryAfter, Map<String, Object> body) {
        ctx.header("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
        json(ctx, 503, body);
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(body));
    }
}

package org.raqib.app.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Consumer;
import org.raqib.core.json.Json;
import org.raqib.streams.topology.PipelineQueries;

/**
 * Interactive queries of the local Streams instance, for the UI: {@code GET /api/matches/recent?limit=N},
 * {@code GET /api/stories?limit=N}, {@code GET /api/stories/{id}} and
 * {@code GET /api/trends/{entity|rule}/{id}?window=hour|day&from=ISO&to=ISO}. While Streams rebalances they answer
 * 503 with the reason.
 */
public final class QueryRoutes {

    private static final int MAX_LIMIT = 500;

    private final PipelineQueries queries;

    public QueryRoutes(PipelineQueries queries) {
        this.queries = queries;
    }

    public Consumer<JavalinConfig> plugin() {
        return config -> config.router.mount(router -> {
            router.get("/api/matches/recent", ctx -> json(ctx, Map.of("matches", queries.recentMatches(limit(ctx)))));
            router.get("/api/stories", ctx -> json(ctx, Map.of("stories", queries.recentStories(limit(ctx)))));
            router.get("/api/stories/{id}", ctx -> queries.story(ctx.pathParam("id")).ifPresentOrElse(
                    s -> json(ctx, s),
                    () -> ctx.status(404).contentType("application/json").result(
                            Json.write(Map.of("error", "no story '" + ctx.pathParam("id") + "' in the story window")))));
            router.get("/api/trends/{subject}/{id}", this::trend);
        });
    }

    private void trend(Context ctx) {
        String window = ctx.queryParamAsClass("window", String.class).getOrDefault("hour");
        Instant to = time(ctx, "to", Instant.now());
        Instant from = time(ctx, "from", to.minus(window.equals("day") ? Duration.ofDays(30) : Duration.ofHours(48)));
        try {
            json(ctx, Map.of("subject", ctx.pathParam("subject"), "id", ctx.pathParam("id"), "window", window,
                    "points", queries.trendSeries(ctx.pathParam("subject"), ctx.pathParam("id"), window, from, to)));
        } catch (IllegalArgumentException e) {
            ctx.status(400).contentType("application/json").result(Json.write(Map.of("error", e.getMessage())));
        }
    }

    private static int limit(Context ctx) {
        int limit = ctx.queryParamAsClass("limit", Integer.class)
                .check(n -> n > 0 && n <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT)
                .getOrDefault(50);
        return limit;
    }

    private static Instant time(Context ctx, String name, Instant otherwise) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new io.javalin.http.BadRequestResponse(name + " must be an ISO-8601 time such as 2024-08-18T00:00:00Z");
        }
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json; charset=utf-8").result(Json.write(body));
    }
}

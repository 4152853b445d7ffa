package org.raqib.app.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.raqib.alerts.http.AccessTokens;
import org.raqib.alerts.http.ApiException;
import org.raqib.core.json.Json;
import org.raqib.core.metrics.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of a streams service that runs without the alerts API ({@code raqib streams}): the operations
 * endpoints of {@code OpsHttpServer} ({@code /health/live}, {@code /health/ready} with the same JSON; {@code /metrics}
 * comes as a plug-in) and the query routes, whose {@code /api} paths need the API's bearer tokens. Starts listening
 * in {@link #start()}; the owner closes it.
 */
public final class StreamsHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsHttpServer.class);

    private final String bindAddress;
    private final int port;
    private final Javalin javalin;

    /**
     * A server (not yet started) for {@code bindAddress}:{@code port} (0 picks a free port).
     *
     * @param tokens the bearer tokens {@code /api} routes accept
     * @param readiness answers {@code /health/ready}
     * @param plugins the routes: metrics and queries
     */
    public StreamsHttpServer(String bindAddress, int port, AccessTokens tokens, HealthCheck readiness,
            List<Consumer<JavalinConfig>> plugins) {
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        this.port = port;
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(readiness, "readiness");
        this.javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.router.mount(router -> {
                router.get("/health/live", ctx -> json(ctx, 200, Map.of("status", "UP")));
                router.get("/health/ready", ctx -> ready(ctx, readiness));
                router.before("/api/*", tokens::authenticate);
            });
            plugins.forEach(plugin -> plugin.accept(config));
        });
        javalin.exception(ApiException.class, (e, ctx) -> json(ctx, e.status(), Map.of("error", e.getMessage())));
    }

    /** Starts listening. */
    public StreamsHttpServer start() {
        javalin.start(bindAddress, port);
        log.info("Streams HTTP server (metrics, health, queries) listening on {}:{}", bindAddress, port());
        return this;
    }

    /** The port it listens on, once started. */
    public int port() {
        return javalin.port();
    }

    private static void ready(Context ctx, HealthCheck readiness) {
        HealthCheck.Status status;
        try {
            status = readiness.check();
        } catch (RuntimeException e) {
            // A failing check means not ready; the reason helps the operator more than a 500 would.
            status = HealthCheck.Status.down("readiness check failed: " + e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.ready() ? "UP" : "DOWN");
        body.put("reason", status.reason());
        json(ctx, status.ready() ? 200 : 503, body);
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(body));
    }

    @Override
    public void close() {
        javalin.stop();
    }
}

package org.raqib.alerts.http;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.raqib.alerts.history.AlertHistory;
import org.raqib.alerts.subscriptions.SubscriptionRegistry;
import org.raqib.core.config.AlertsSettings;
import org.raqib.core.metrics.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts HTTP API on Javalin. Every {@code /api/*} route needs a bearer token ({@link AccessTokens}); health
 * routes do not. Other modules add their routes ({@code /metrics}, {@code /api/rules}) as {@code plugins}: each
 * receives the {@link JavalinConfig} before start, for example
 * {@code config -> config.router.apiBuilder(() -> get("/metrics", handler))}; their {@code /api} routes get the
 * same token check.
 */
public final class AlertsHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertsHttpServer.class);

    private final AlertsSettings settings;
    private final Javalin javalin;
    private final AlertStream stream;
    private final ExecutorService streams;

    /**
     * A server (not yet started) for {@code settings.bindAddress()}:{@code settings.httpPort()} (0 picks a free
     * port).
     *
     * @param tokens the accepted bearer tokens
     * @param history the alert history view
     * @param subscriptions the subscriptions view, also written through
     * @param readiness what {@code /health/ready} reports
     * @param plugins more routes, applied to the configuration in order
     * @param registry where the server's meters go
     * @param clock time of feeds
     */
    public AlertsHttpServer(AlertsSettings settings, AccessTokens tokens, AlertHistory history,
            SubscriptionRegistry subscriptions, Supplier<Readiness> readiness, List<Consumer<JavalinConfig>> plugins,
            MeterRegistry registry, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(readiness, "readiness");
        AtomicInteger open = new AtomicInteger();
        Gauge.builder(MeterNames.ALERTS_STREAM_CLIENTS, open, AtomicInteger::get)
                .description("Open server-sent event streams").register(registry);
        this.streams = Executors.newCachedThreadPool(named("raqib-alerts-sse-"));
        this.stream = new AlertStream(history, settings.keepAlive(), settings.maxStreams(), streams, open);
        AlertRoutes alerts = new AlertRoutes(history, subscriptions);
        String publicUrl = settings.publicUrl().replaceAll("/+$", "");
        SubscriptionRoutes subs = new SubscriptionRoutes(subscriptions);
        this.javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.asyncTimeout = 0L; // server-sent event streams stay open until the client leaves
            config.router.apiBuilder(() -> {
                get("/health/live", ctx -> Responses.json(ctx, 200, Map.of("status", "up")));
                get("/health/ready", ctx -> ready(ctx, readiness.get()));
                before("/api/*", ctx -> Callers.authenticate(ctx, tokens));
                get("/api/alerts", alerts::list);
                get("/api/alerts/stream", ctx -> stream.handle(ctx, alerts.streamFilter(ctx)));
                get("/api/alerts/{id}", alerts::detail);
                get("/api/subscriptions", subs::list);
                post("/api/subscriptions", subs::create);
                get("/api/subscriptions/{id}", subs::get);
                put("/api/subscriptions/{id}", subs::replace);
                delete("/api/subscriptions/{id}", subs::delete);
                get("/api/subscriptions/{id}/feed.atom", ctx -> subs.feed(ctx, history, publicUrl, clock));
            });
            plugins.forEach(plugin -> plugin.accept(config));
        });
        javalin.exception(ApiException.class, (e, ctx) -> Responses.json(ctx, e.status(), AlertRoutes.error(e.getMessage())));
        javalin.exception(SubscriptionRoutes.ValidationFailure.class, (e, ctx) -> Responses.json(ctx, 400, e.body()));
        javalin.exception(IllegalStateException.class, (e, ctx) -> {
            log.warn("Request {} {} failed: {}", ctx.method(), ctx.path(), e.getMessage());
            Responses.json(ctx, 503, AlertRoutes.error(e.getMessage()));
        });
    }

    /** Starts listening. */
    public void start() {
        javalin.start(settings.bindAddress(), settings.httpPort());
        log.info("Alerts API listening on {}:{}", settings.bindAddress(), port());
    }

    /** The port it listens on, once started. */
    public int port() {
        return javalin.port();
    }

    /** Ends open streams and stops the server. */
    @Override
    public void close() {
        stream.close();
        javalin.stop();
        streams.shutdownNow();
    }

    private static void ready(Context ctx, Readiness readiness) {
        if (readiness.ready()) {
            Responses.json(ctx, 200, Map.of("status", "ready"));
        } else {
            Responses.json(ctx, 503, Map.of("status", "not ready", "reason", readiness.reason()));
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

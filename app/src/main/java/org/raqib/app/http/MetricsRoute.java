package org.raqib.app.http;

import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Consumer;

/** {@code GET /metrics}: the process's meters in Prometheus' text format, without a token (scrapers have none). */
public final class MetricsRoute {

    private MetricsRoute() {}

    public static Consumer<JavalinConfig> of(PrometheusMeterRegistry registry) {
        return config -> config.router.mount(router -> router.get("/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape())));
    }
}

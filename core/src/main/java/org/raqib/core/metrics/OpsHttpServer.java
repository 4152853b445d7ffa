package org.raqib.core.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The operations endpoints of a service that has no HTTP server of its own (ingest on 8081, streams on 8082 when
 * run alone): {@code GET /metrics} (Prometheus text), {@code GET /health/live} (200 while the process runs) and
 * {@code GET /health/ready} (200 or 503, JSON with the reason). Built on the JDK's {@code com.sun.net.httpserver}
 * so these services need no web framework. Starts listening in the constructor on one named thread; the owner
 * closes it. Thread-safe.
 */
@SuppressForbidden(reason = "com.sun.net.httpserver is the JDK's exported, supported HTTP server API (jdk.httpserver)")
public final class OpsHttpServer implements AutoCloseable {

    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final PrometheusMeterRegistry registry;
    private final HealthCheck readiness;

    /**
     * Binds and starts serving.
     *
     * @param bindAddress host or address to bind, {@code 0.0.0.0} for every interface
     * @param port the port, or 0 for any free one (see {@link #port()})
     * @param registry the process's registry, scraped on every {@code /metrics} request
     * @param readiness answers {@code /health/ready}
     * @throws UncheckedIOException when the port cannot be bound
     */
    public OpsHttpServer(String bindAddress, int port, PrometheusMeterRegistry registry, HealthCheck readiness) {
        Objects.requireNonNull(bindAddress, "bindAddress");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        try {
            this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bindAddress + ":" + port
                    + " for /metrics and /health; choose another port or stop the process using it", e);
        }
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "raqib-ops-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", this::metrics);
        server.createContext("/health/live", exchange -> respond(exchange, 200, JSON, "{\"status\":\"UP\"}"));
        server.createContext("/health/ready", this::ready);
        server.start();
    }

    /** The port actually bound (useful when constructed with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void metrics(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }

    private void ready(HttpExchange exchange) throws IOException {
        HealthCheck.Status status;
        try {
            status = readiness.check();
        } catch (RuntimeException e) {
            // A failing check means not ready; the reason helps the operator more than a 500 would.
            status = HealthCheck.Status.down("readiness check failed: " + e);
        }
        String body = "{\"status\":\"" + (status.ready() ? "UP" : "DOWN") + "\",\"reason\":\""
                + escape(status.reason()) + "\"}";
        respond(exchange, status.ready() ? 200 : 503, JSON, body);
    }

    private static void respond(HttpExchange exchange, int code, String type, String body) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

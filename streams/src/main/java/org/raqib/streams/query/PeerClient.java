package org.raqib.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.HostInfo;
import org.raqib.core.json.Json;
import org.raqib.core.model.Story;
import org.raqib.streams.topology.PipelineQueries.Point;
import org.raqib.streams.topology.PipelineQueries.Recent;

/**
 * Asks another instance what its own stores hold, on its {@value #LOCAL} paths, with the JDK's HTTP client. Each
 * answer is a future that fails with {@link StoresUnavailableException} when the instance answers 503 (it is
 * rebalancing) and with another exception, whose message says what went wrong, when it does not answer in time or
 * answers otherwise. The caller's bearer token goes along, since the instances share the API's tokens.
 * Thread-safe; close it to stop its threads.
 */
public final class PeerClient implements AutoCloseable {

    /** Prefix of the paths that answer from one instance's stores only, so that asking them never recurses. */
    public static final String LOCAL = "/api/local";

    /** Response of {@code GET /api/local/matches/recent}. */
    public record RecentBody(List<Recent> matches) {}

    /** Response of {@code GET /api/local/stories}. */
    public record StoriesBody(List<Story> stories) {}

    /** Response of {@code GET /api/local/trends/{subject}/{id}}. */
    public record PointsBody(List<Point> points) {}

    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient http;

    /** @param timeout longest wait for one instance's answer, connecting included */
    public PeerClient(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "raqib-query-peers-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** The longest wait for one instance's answer. */
    public Duration timeout() {
        return timeout;
    }

    /** The newest matches of {@code host}'s stores with their store keys, at most {@code limit}. */
    public CompletableFuture<List<Recent>> recent(HostInfo host, int limit, Optional<String> token) {
        return get(host, "/matches/recent?limit=" + limit, token)
                .thenApply(r -> read(r, new TypeReference<RecentBody>() {}).matches());
    }

    /** The most recently active stories of {@code host}'s stores, at most {@code limit}. */
    public CompletableFuture<List<Story>> stories(HostInfo host, int limit, Optional<String> token) {
        return get(host, "/stories?limit=" + limit, token)
                .thenApply(r -> read(r, new TypeReference<StoriesBody>() {}).stories());
    }

    /** The story {@code id} if {@code host}'s stores hold it. */
    public CompletableFuture<Optional<Story>> story(HostInfo host, String id, Optional<String> token) {
        return get(host, "/stories/" + encode(id), token).thenApply(r -> r.statusCode() == 404
                ? Optional.<Story>empty()
                : Optional.of(read(r, new TypeReference<Story>() {})));
    }

    /** The trend series of {@code subject} {@code id} per {@code window} between {@code from} and {@code to}. */
    public CompletableFuture<List<Point>> trendSeries(HostInfo host, String subject, String id, String window,
            Instant from, Instant to, Optional<String> token) {
        return get(host, "/trends/" + encode(subject) + "/" + encode(id) + "?window=" + encode(window)
                        + "&from=" + encode(from.toString()) + "&to=" + encode(to.toString()), token)
                .thenApply(r -> read(r, new TypeReference<PointsBody>() {}).points());
    }

    private CompletableFuture<HttpResponse<String>> get(HostInfo host, String path, Optional<String> token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(host, LOCAL + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        int status = response.statusCode();
        if (status == 503) {
            long seconds = response.headers().firstValueAsLong("Retry-After")
                    .orElse(StoresUnavailableException.REBALANCE_RETRY.toSeconds());
            throw new StoresUnavailableException("an instance is rebalancing: " + excerpt(response.body()),
                    Duration.ofSeconds(Math.max(1, seconds)));
        }
        if (status != 200) {
            throw new IllegalStateException("HTTP " + status + ": " + excerpt(response.body()));
        }
        try {
            return Json.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable answer: " + e.getMessage(), e);
        }
    }

    private static URI uri(HostInfo host, String path) {
        String name = host.host().contains(":") ? "[" + host.host() + "]" : host.host();
        return URI.create("http://" + name + ":" + host.port() + path);
    }

    /** Percent-encodes {@code text} for a path segment or a query value ({@code %20} means space in both). */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String excerpt(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

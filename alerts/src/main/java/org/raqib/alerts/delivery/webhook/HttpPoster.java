package org.raqib.alerts.delivery.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.raqib.alerts.delivery.DeliveryResult;
import org.raqib.alerts.delivery.DestinationLimiter;

/**
 * Sends the webhook and chat channels' requests: each one waits for its turn at its destination in the
 * {@link DestinationLimiter}, then runs on a sender thread, and its answer becomes a {@link DeliveryResult}: a 2xx
 * status is delivered; any other status, a timeout or a connection error is worth retrying.
 *
 * <p>The request blocks its sender thread rather than using {@code HttpClient.sendAsync}: the JDK 17 client hands
 * {@code sendAsync}'s answer to {@code CompletableFuture}'s default executor, which on a machine with fewer than
 * three processors starts a new thread for every task, so every delivery started and ended a thread. A blocked
 * thread per request in flight is bounded by the limiter. Thread-safe; one client, so one connection pool, for
 * every channel that shares it.
 */
public final class HttpPoster {

    private final HttpClient client;
    private final DestinationLimiter limiter;

    /**
     * @param connectTimeout longest wait for a connection
     * @param limiter how many requests may run at once to one destination; it also decides where they run
     * @param executor the HTTP client's own tasks (reading and writing connections)
     */
    public HttpPoster(Duration connectTimeout, DestinationLimiter limiter, Executor executor) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor).build();
    }

    /**
     * Sends the request {@code request} builds once {@code url}'s destination has room; it is built only then, so
     * a timestamp it carries (and signs) is the time it is sent, however long it waited. The future completes (never
     * exceptionally, unless the senders have shut down or building failed) with the outcome.
     */
    public CompletableFuture<DeliveryResult> post(URI url, Supplier<HttpRequest> request) {
        return limiter.submit(DestinationLimiter.destinationOf(url), () -> send(request.get()));
    }

    private DeliveryResult send(HttpRequest request) {
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? DeliveryResult.ok("HTTP " + status) : DeliveryResult.retry("HTTP " + status);
        } catch (IOException e) {
            return DeliveryResult.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.retry("interrupted while sending (shutting down)");
        }
    }
}

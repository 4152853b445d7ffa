package org.raqib.alerts.delivery;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs at most {@code limit} requests at a time to each destination (host and port); more wait in that
 * destination's queue, in the order they came, and start one by one as earlier ones finish. Each destination has
 * its own count and queue, so a slow or failing receiver fills only its own queue and never delays another's
 * requests. It bounds the HTTP client's connections: the client opens a new one for every concurrent request to a
 * destination, and without a limit a receiver that slowed down under a high alert rate made it open connections
 * until the process ran out of file descriptors.
 *
 * <p>A queued request holds no thread and no connection, only its place; the deliveries it belongs to are owed in
 * {@code raqib.alerts.retry} until their outcome is written, so a crash loses none of them. Requests run on the
 * executor, which must not bound its threads below the sum of the limits (the senders' pool grows as needed).
 * Thread-safe.
 */
public final class DestinationLimiter {

    /** A request and the future its caller holds. */
    private record Request(Runnable run, CompletableFuture<?> result) {}

    /** The requests of one destination: how many run and which wait. */
    private static final class Lane {
        int running;
        final ArrayDeque<Request> waiting = new ArrayDeque<>();
    }

    private final int limit;
    private final Executor executor;
    private final Map<String, Lane> lanes = new HashMap<>();

    /**
     * @param limit requests at a time to one destination, at least 1
     * @param executor where requests run; they may block
     */
    public DestinationLimiter(int limit, Executor executor) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * The destination of {@code url}: its host (lower case) and port, the scheme's default port when it names
     * none. Two URLs of one destination share its limit whatever their paths.
     */
    public static String destinationOf(URI url) {
        String host = url.getHost() == null ? String.valueOf(url.getAuthority()) : url.getHost();
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /**
     * Runs {@code request} on the executor once fewer than the limit of requests to {@code destination} run; the
     * future completes with its result, or exceptionally with what it threw (or a
     * {@link RejectedExecutionException} when the executor has shut down).
     */
    public <T> CompletableFuture<T> submit(String destination, Supplier<T> request) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(request, "request");
        CompletableFuture<T> result = new CompletableFuture<>();
        Request queued = new Request(() -> {
            T value = null;
            RuntimeException failure = null;
            try {
                value = request.get();
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                // The place is free before the caller hears the outcome, so what it does next finds it free.
                finished(destination);
            }
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }, result);
        boolean now;
        synchronized (this) {
            Lane lane = lanes.computeIfAbsent(destination, d -> new Lane());
            now = lane.running < limit;
            if (now) {
                lane.running++;
            } else {
                lane.waiting.addLast(queued);
            }
        }
        if (now && !launched(queued)) {
            finished(destination);
        }
        return result;
    }

    /** Requests to {@code destination} running now (for tests and meters). */
    public synchronized int running(String destination) {
        Lane lane = lanes.get(destination);
        return lane == null ? 0 : lane.running;
    }

    /** Requests to {@code destination} waiting for their turn. */
    public synchronized int waiting(String destination) {
        Lane lane = lanes.get(destination);
        return lane == null ? 0 : lane.waiting.size();
    }

    /** Requests waiting for their turn, all destinations together. */
    public synchronized int waiting() {
        return lanes.values().stream().mapToInt(lane -> lane.waiting.size()).sum();
    }

    /** Hands {@code request} to the executor; when it refuses (shut down), fails the request instead. */
    private boolean launched(Request request) {
        try {
            executor.execute(request.run());
            return true;
        } catch (RejectedExecutionException e) {
            request.result().completeExceptionally(e);
            return false;
        }
    }

    /** A request to {@code destination} ended: its place goes to the next waiting one, if any. */
    private void finished(String destination) {
        while (true) {
            Request next;
            synchronized (this) {
                Lane lane = lanes.get(destination);
                next = lane.waiting.pollFirst();
                if (next == null) {
                    lane.running--;
                    if (lane.running == 0) {
                        lanes.remove(destination);
                    }
                    return;
                }
            }
            if (launched(next)) {
                return;
            }
            // Refused, so failed: the place is free again for the one after it.
        }
    }
}

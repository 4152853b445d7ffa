package org.raqib.alerts.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.raqib.alerts.history.AlertHistory;
import org.raqib.alerts.history.StoredAlert;
import org.raqib.alerts.history.StreamPosition;
import org.raqib.core.json.Json;
import org.raqib.core.model.Alert;

/**
 * {@code GET /api/alerts/stream}: server-sent events of the alerts the caller may see, as they arrive. Each
 * event's {@code id:} is the {@link StreamPosition} after that alert, so a client reconnecting with
 * {@code Last-Event-ID} (header, or the {@code lastEventId} query parameter) gets every alert it missed that the
 * history still keeps, then the live tail, with no gap and no repeat. Without it, the stream starts at the newest
 * alert. Keep-alive comments go out when nothing else did for {@code keepAlive}.
 *
 * <p>Written by hand instead of Javalin's SSE support, which answers only requests whose {@code Accept} is exactly
 * {@code text/event-stream}; each stream runs on a thread of the executor passed in, not on Jetty's pool. Since
 * each holds a thread, at most {@code maxStreams} are open at once; one more is refused with 503 and
 * {@code Retry-After}, so clients that never leave cannot exhaust the process.
 */
final class AlertStream {

    private final AlertHistory history;
    private final Duration keepAlive;
    private final int maxStreams;
    private final ExecutorService executor;
    private final AtomicInteger open;
    private volatile boolean closed;

    AlertStream(AlertHistory history, Duration keepAlive, int maxStreams, ExecutorService executor, AtomicInteger open) {
        this.history = history;
        this.keepAlive = keepAlive;
        this.maxStreams = maxStreams;
        this.executor = executor;
        this.open = open;
    }

    void handle(Context ctx, Predicate<Alert> visible) {
        Optional<String> lastEventId = Optional.ofNullable(ctx.header("Last-Event-ID"))
                .or(() -> Optional.ofNullable(ctx.queryParam("lastEventId")));
        AlertHistory.Replay replay = lastEventId.flatMap(StreamPosition::parse)
                .map(history::from)
                .orElseGet(history::fromHead);
        // The place is taken here, before the stream starts, so that concurrent requests cannot all pass the check.
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            ctx.header("Retry-After", "5");
            throw new ApiException(503, "this instance already serves " + maxStreams
                    + " alert streams (alerts.maxStreams); reconnect later with Last-Event-ID to miss nothing");
        }
        ctx.status(200);
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setContentType("text/event-stream");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        ctx.future(() -> {
            try {
                return CompletableFuture.runAsync(() -> stream(ctx, replay, visible), executor);
            } catch (RejectedExecutionException e) {
                open.decrementAndGet(); // The server is stopping; the stream never started.
                throw e;
            }
        });
    }

    /** Ends every open stream at its next keep-alive or alert. */
    void close() {
        closed = true;
    }

    /** Streams until the client leaves or the server stops; the caller has counted it in {@code open}. */
    private void stream(Context ctx, AlertHistory.Replay replay, Predicate<Alert> visible) {
        try {
            OutputStream out = ctx.res().getOutputStream();
            write(out, "retry: 3000\n: stream of raqib alerts\n\n");
            StreamPosition position = replay.position();
            position = send(out, replay.alerts(), position, visible);
            long seq = replay.seq();
            while (!closed && !Thread.currentThread().isInterrupted()) {
                List<StoredAlert> newer = history.after(seq, keepAlive);
                if (newer.isEmpty()) {
                    write(out, ": keep-alive\n\n");
                    continue;
                }
                seq = newer.get(newer.size() - 1).seq();
                position = send(out, newer, position, visible);
            }
        } catch (IOException e) {
            // The client went away: the normal end of a stream.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
        }
    }

    private static StreamPosition send(OutputStream out, List<StoredAlert> alerts, StreamPosition position,
            Predicate<Alert> visible) throws IOException {
        StreamPosition at = position;
        for (StoredAlert stored : alerts) {
            at = at.after(stored.partition(), stored.offset());
            if (visible.test(stored.alert())) {
                write(out, "id: " + at + "\nevent: alert\ndata: " + Json.write(stored.alert()) + "\n\n");
            }
        }
        return at;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

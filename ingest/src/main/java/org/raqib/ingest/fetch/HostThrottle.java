package org.raqib.ingest.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Politeness per host: at most {@code concurrency} requests in flight and at least {@code delay} between the starts of
 * two requests, across every feed and article page of that host.
 *
 * <p>The throttle itself counts only this process's requests. The limit still holds across all ingest workers because
 * of placement: the feed registry puts every feed of one host on that host's partition of {@code raqib.feeds}
 * ({@code FeedPlacement}), and one partition is polled by exactly one worker, so only one throttle ever sees a
 * host's feeds. Article pages on a host other than their feed's are outside that guarantee.
 */
public final class HostThrottle {

    /** A held request slot; closing it frees the slot. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final int concurrency;
    private final long delayNanos;
    private final Map<String, Slot> hosts = new ConcurrentHashMap<>();

    /** A throttle allowing {@code concurrency} requests per host, started at least {@code delay} apart. */
    public HostThrottle(int concurrency, Duration delay) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.concurrency = concurrency;
        this.delayNanos = delay.toNanos();
    }

    /** Waits for a slot for {@code host} and for the delay since the previous start; close the permit when done. */
    public Permit acquire(String host) throws InterruptedException {
        Slot slot = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Slot(new Semaphore(concurrency, true)));
        slot.permits.acquire();
        try {
            long wait;
            synchronized (slot) {
                long now = System.nanoTime();
                long start = Math.max(now, slot.nextStart);
                slot.nextStart = start + delayNanos;
                wait = start - now;
            }
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        } catch (InterruptedException e) {
            slot.permits.release();
            throw e;
        }
        return slot.permits::release;
    }

    private static final class Slot {
        final Semaphore permits;
        long nextStart;

        Slot(Semaphore permits) {
            this.permits = permits;
            this.nextStart = System.nanoTime();
        }
    }
}

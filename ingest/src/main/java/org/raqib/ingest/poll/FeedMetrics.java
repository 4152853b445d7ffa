package org.raqib.ingest.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.raqib.core.metrics.MeterNames;
import org.raqib.ingest.fetch.FetchException;

/**
 * The per-feed meters, tagged by feed id (and outcome or error kind) only — never by URL, so the number of series
 * stays bounded by the number of feeds.
 */
final class FeedMetrics {

    static final String POLLS = MeterNames.FEED_POLLS;
    static final String NOT_MODIFIED = MeterNames.FEED_NOT_MODIFIED;
    static final String ITEMS_NEW = MeterNames.FEED_ITEMS_NEW;
    static final String ITEMS_DUPLICATE = MeterNames.FEED_ITEMS_DUPLICATE;
    static final String ERRORS = MeterNames.FEED_ERRORS;
    static final String FETCH = MeterNames.FEED_FETCH;
    static final String FRESHNESS_LAG = MeterNames.FEED_FRESHNESS_LAG;
    static final String BACKOFF = MeterNames.FEED_BACKOFF;

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Gauges> gauges = new ConcurrentHashMap<>();
    private final java.util.Set<String> known = ConcurrentHashMap.newKeySet();

    /** Freshness lag needs "now": the newest item time is kept and the gauge computes the lag when scraped. */
    private static final class Gauges {
        final AtomicLong newestItemEpochMillis = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong backoffMillis = new AtomicLong();
    }

    FeedMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void poll(String feed, PollResult.Outcome outcome) {
        if (known.add(feed)) {
            // A feed's error series exist at zero from its first poll, so a rate of errors is 0, not absent.
            for (FetchException.Kind kind : FetchException.Kind.values()) {
                Counter.builder(ERRORS).description("Feed and page failures by kind").tag("feed", feed)
                        .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry);
            }
        }
        Counter.builder(POLLS).description("Feed polls by outcome").tag("feed", feed)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry).increment();
        if (outcome == PollResult.Outcome.NOT_MODIFIED) {
            Counter.builder(NOT_MODIFIED).description("Polls answered 304 Not Modified").tag("feed", feed)
                    .register(registry).increment();
        }
    }

    void items(String feed, int fresh, int duplicates) {
        Counter.builder(ITEMS_NEW).description("New items found").tag("feed", feed).register(registry).increment(fresh);
        Counter.builder(ITEMS_DUPLICATE).description("Items skipped as already seen").tag("feed", feed)
                .register(registry).increment(duplicates);
    }

    void error(String feed, FetchException.Kind kind) {
        Counter.builder(ERRORS).description("Feed and page failures by kind").tag("feed", feed)
                .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    Timer fetchTimer(String feed) {
        return Timer.builder(FETCH).description("Feed fetch latency, redirects and body included").tag("feed", feed)
                .register(registry);
    }

    void state(String feed, Instant newestItemAt, Duration backoff) {
        Gauges g = gauges.computeIfAbsent(feed, f -> {
            Gauges created = new Gauges();
            Gauge.builder(FRESHNESS_LAG, created, x -> x.newestItemEpochMillis.get() == Long.MIN_VALUE ? Double.NaN
                            : (clock.millis() - x.newestItemEpochMillis.get()) / 1000.0)
                    .description("Seconds since the feed's newest item was published").baseUnit("seconds")
                    .tag("feed", f).register(registry);
            Gauge.builder(BACKOFF, created, x -> x.backoffMillis.get() / 1000.0)
                    .description("Seconds of backoff after consecutive failures; 0 while the feed is healthy")
                    .baseUnit("seconds").tag("feed", f).register(registry);
            return created;
        });
        if (newestItemAt != null) {
            g.newestItemEpochMillis.set(newestItemAt.toEpochMilli());
        }
        g.backoffMillis.set(backoff.toMillis());
    }
}

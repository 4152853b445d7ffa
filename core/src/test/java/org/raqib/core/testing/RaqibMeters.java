package org.raqib.core.testing;

import static org.raqib.core.metrics.MeterNames.*;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Registers one series of every Raqib meter, with the type, base unit and tags the services use (see
 * {@code docs/operations.md}), so tests can scrape a registry that exports every name without running the
 * services. Keep it in step with the services' meters; an IT against the running demo checks the real thing.
 */
public final class RaqibMeters {

    private RaqibMeters() {}

    /** Registers and touches every meter once. */
    public static void registerAll(MeterRegistry registry) {
        counter(registry, FEED_POLLS, "feed", "demo", "outcome", "new_items");
        counter(registry, FEED_NOT_MODIFIED, "feed", "demo");
        counter(registry, FEED_ITEMS_NEW, "feed", "demo");
        counter(registry, FEED_ITEMS_DUPLICATE, "feed", "demo");
        counter(registry, FEED_ERRORS, "feed", "demo", "kind", "network");
        Timer.builder(FEED_FETCH).tag("feed", "demo").register(registry).record(Duration.ofMillis(120));
        Gauge.builder(FEED_FRESHNESS_LAG, () -> 60).baseUnit("seconds").tag("feed", "demo").register(registry);
        Gauge.builder(FEED_BACKOFF, () -> 0).baseUnit("seconds").tag("feed", "demo").register(registry);
        counter(registry, ARTICLES_PROCESSED);
        counter(registry, ARTICLES_DUPLICATES);
        counter(registry, ENTITY_MENTIONS, "side", "libya");
        counter(registry, STORIES_NEW);
        counter(registry, MATCHES, "rule", "storyline");
        Timer.builder(PIPELINE_MATCH_LATENCY).register(registry).record(Duration.ofMillis(40));
        counter(registry, DLQ_RECORDS, "stage", "analyse");
        counter(registry, RULES_REJECTED);
        counter(registry, ALERTS_CREATED, "kind", "new");
        counter(registry, ALERTS_UNDECODABLE_MATCHES);
        counter(registry, ALERTS_DELIVERED, "channel", "webhook", "outcome", "delivered");
        Timer.builder(ALERTS_DELIVERY_LATENCY).tags("channel", "webhook", "from", "match")
                .publishPercentileHistogram().register(registry).record(Duration.ofMillis(300));
        Gauge.builder(ALERTS_RETRIES_PENDING, () -> 0).register(registry);
        Gauge.builder(ALERTS_DIGEST_QUEUED, () -> 0).register(registry);
        Gauge.builder(ALERTS_STREAM_CLIENTS, () -> 1).register(registry);
        Gauge.builder(ALERTS_REQUESTS_WAITING, () -> 0).register(registry);
        Gauge.builder(CONSUMER_LAG, () -> 3).tags("group", "raqib-streams", "topic", "raqib.articles")
                .register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String... tags) {
        Counter.builder(name).tags(tags).register(registry).increment();
    }
}

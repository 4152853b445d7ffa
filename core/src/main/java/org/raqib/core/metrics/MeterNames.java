package org.raqib.core.metrics;

import java.util.Map;
import java.util.Set;

/**
 * Every Raqib meter name, as Micrometer dot names. The Prometheus registry exports {@code raqib.feed.polls} as
 * {@code raqib_feed_polls_total} and a timer {@code raqib.feed.fetch} as {@code raqib_feed_fetch_seconds_*}; the
 * dashboard and the alerting rules in {@code ops/} query those exported names, so renaming a constant here is a
 * breaking change for operators. {@code docs/operations.md} documents type, tags and meaning of each.
 */
public final class MeterNames {

    /** Counter, tags feed, outcome: feed polls. */
    public static final String FEED_POLLS = "raqib.feed.polls";
    /** Counter, tag feed: polls answered 304 Not Modified. */
    public static final String FEED_NOT_MODIFIED = "raqib.feed.not.modified";
    /** Counter, tag feed: new items found (articles ingested). */
    public static final String FEED_ITEMS_NEW = "raqib.feed.items.new";
    /** Counter, tag feed: items skipped as already seen. */
    public static final String FEED_ITEMS_DUPLICATE = "raqib.feed.items.duplicate";
    /** Counter, tags feed, kind: feed and page failures. */
    public static final String FEED_ERRORS = "raqib.feed.errors";
    /** Timer, tag feed: feed fetch latency. */
    public static final String FEED_FETCH = "raqib.feed.fetch";
    /** Gauge (seconds), tag feed: age of the feed's newest item. */
    public static final String FEED_FRESHNESS_LAG = "raqib.feed.freshness.lag";
    /** Gauge (seconds), tag feed: backoff after consecutive failures. */
    public static final String FEED_BACKOFF = "raqib.feed.backoff";

    /** Counter: articles analysed by the topology. */
    public static final String ARTICLES_PROCESSED = "raqib.articles.processed";
    /** Counter: articles dropped as repeats. */
    public static final String ARTICLES_DUPLICATES = "raqib.articles.duplicates";
    /** Counter, tag side: entity mentions recognised. */
    public static final String ENTITY_MENTIONS = "raqib.entity.mentions";
    /** Counter: new story clusters. */
    public static final String STORIES_NEW = "raqib.stories.new";
    /** Counter, tag rule: matches by rule. */
    public static final String MATCHES = "raqib.matches";
    /** Timer: article fetch to match. */
    public static final String PIPELINE_MATCH_LATENCY = "raqib.pipeline.match.latency";
    /** Counter, tag stage: records routed to the dead-letter topic. */
    public static final String DLQ_RECORDS = "raqib.dlq.records";
    /** Counter: rule updates rejected. */
    public static final String RULES_REJECTED = "raqib.rules.rejected";

    /**
     * Counter, tag kind: alerts written to raqib.alerts. Not {@code raqib.alerts.created}: the Prometheus client
     * drops a {@code _created} suffix (OpenMetrics reserves it), which would export {@code raqib_alerts_total}.
     */
    public static final String ALERTS_CREATED = "raqib.alerts.raised";
    /** Counter: matches the fan-out could not decode. */
    public static final String ALERTS_UNDECODABLE_MATCHES = "raqib.alerts.undecodable.matches";
    /** Counter, tags channel, outcome: delivery attempts. */
    public static final String ALERTS_DELIVERED = "raqib.alerts.delivered";
    /** Timer (histogram), tags channel, from: article fetch or match to delivery. */
    public static final String ALERTS_DELIVERY_LATENCY = "raqib.alerts.delivery.latency";
    /** Gauge: deliveries waiting for their next attempt. */
    public static final String ALERTS_RETRIES_PENDING = "raqib.alerts.retries.pending";
    /** Gauge: alert emails waiting for their digest. */
    public static final String ALERTS_DIGEST_QUEUED = "raqib.alerts.digest.queued";
    /** Gauge: open server-sent-event streams. */
    public static final String ALERTS_STREAM_CLIENTS = "raqib.alerts.stream.clients";
    /** Gauge: webhook, chat and email requests waiting for their turn at their destination. */
    public static final String ALERTS_REQUESTS_WAITING = "raqib.alerts.requests.waiting";

    /** Gauge, tags group, topic: records not yet consumed by a Raqib consumer group. */
    public static final String CONSUMER_LAG = "raqib.consumer.lag";

    /**
     * Every name above with the help text Prometheus shows for it; {@link Metrics#prometheus} fills it in for
     * meters registered without a description.
     */
    public static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(FEED_POLLS, "Feed polls."),
            Map.entry(FEED_NOT_MODIFIED, "Polls answered 304 Not Modified."),
            Map.entry(FEED_ITEMS_NEW, "New items found (articles ingested)."),
            Map.entry(FEED_ITEMS_DUPLICATE, "Items skipped as already seen."),
            Map.entry(FEED_ERRORS, "Feed and page failures."),
            Map.entry(FEED_FETCH, "Feed fetch latency."),
            Map.entry(FEED_FRESHNESS_LAG, "Age of the feed's newest item."),
            Map.entry(FEED_BACKOFF, "Backoff after consecutive failures."),
            Map.entry(ARTICLES_PROCESSED, "Articles analysed by the topology."),
            Map.entry(ARTICLES_DUPLICATES, "Articles dropped as repeats."),
            Map.entry(ENTITY_MENTIONS, "Entity mentions recognised."),
            Map.entry(STORIES_NEW, "New story clusters."),
            Map.entry(MATCHES, "Matches by rule."),
            Map.entry(PIPELINE_MATCH_LATENCY, "Article fetch to match."),
            Map.entry(DLQ_RECORDS, "Records routed to the dead-letter topic."),
            Map.entry(RULES_REJECTED, "Rule updates rejected."),
            Map.entry(ALERTS_CREATED, "Alerts written to raqib.alerts."),
            Map.entry(ALERTS_UNDECODABLE_MATCHES, "Matches the fan-out could not decode."),
            Map.entry(ALERTS_DELIVERED, "Delivery attempts."),
            Map.entry(ALERTS_DELIVERY_LATENCY, "Article fetch or match to delivery."),
            Map.entry(ALERTS_RETRIES_PENDING, "Deliveries waiting for their next attempt."),
            Map.entry(ALERTS_DIGEST_QUEUED, "Alert emails waiting for their digest."),
            Map.entry(ALERTS_STREAM_CLIENTS, "Open server-sent-event streams."),
            Map.entry(ALERTS_REQUESTS_WAITING, "Webhook, chat and email requests waiting for their destination's limit."),
            Map.entry(CONSUMER_LAG, "Records not yet consumed by a Raqib consumer group."));

    /** Every name above. */
    public static final Set<String> ALL = DESCRIPTIONS.keySet();

    private MeterNames() {}
}

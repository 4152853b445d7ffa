package org.raqib.core.kafka;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.raqib.core.json.JsonSerde;
import org.raqib.core.model.Alert;
import org.raqib.core.model.Article;
import org.raqib.core.model.DeadLetter;
import org.raqib.core.model.FeedDefinition;
import org.raqib.core.model.FeedState;
import org.raqib.core.model.Match;
import org.raqib.core.model.PendingDelivery;
import org.raqib.core.model.Rule;
import org.raqib.core.model.Subscription;
import org.raqib.core.model.Trend;

/** Every topic Raqib reads or writes. The names are contracts other tools depend on. */
public final class Topics {

    /** Feed definitions by feed id; compacted. */
    public static final Topic<String, FeedDefinition> FEEDS =
            new Topic<>("raqib.feeds", Serdes.String(), JsonSerde.of(FeedDefinition.class), true);

    /** Poll state by feed id (validators, schedule, recent items); compacted. */
    public static final Topic<String, FeedState> FEED_STATE =
            new Topic<>("raqib.feed-state", Serdes.String(), JsonSerde.of(FeedState.class), true);

    /** Ingested articles by article id. */
    public static final Topic<String, Article> ARTICLES =
            new Topic<>("raqib.articles", Serdes.String(), JsonSerde.of(Article.class), false);

    /** Matched articles by article id. */
    public static final Topic<String, Match> MATCHES =
            new Topic<>("raqib.matches", Serdes.String(), JsonSerde.of(Match.class), false);

    /** Alerts by alert id. */
    public static final Topic<String, Alert> ALERTS =
            new Topic<>("raqib.alerts", Serdes.String(), JsonSerde.of(Alert.class), false);

    /**
     * Alert deliveries still owed (webhook and email retries with their attempt history) by
     * {@code alertId|channel|target}; compacted, a tombstone ends one. Kafka, not memory, holds pending retries so a
     * restart delivers everything still owed.
     */
    public static final Topic<String, PendingDelivery> ALERT_RETRIES =
            new Topic<>("raqib.alerts.retry", Serdes.String(), JsonSerde.of(PendingDelivery.class), true);

    /** Analysts' rules by rule id; compacted, a tombstone deletes a rule. */
    public static final Topic<String, Rule> RULES =
            new Topic<>("raqib.rules", Serdes.String(), JsonSerde.of(Rule.class), true);

    /** Subscriptions by id; compacted, a tombstone deletes one. */
    public static final Topic<String, Subscription> SUBSCRIPTIONS =
            new Topic<>("raqib.subscriptions", Serdes.String(), JsonSerde.of(Subscription.class), true);

    /** Hourly and daily counts of entity mentions and rule matches, with a spike signal, by subject:id:window. */
    public static final Topic<String, Trend> TRENDS =
            new Topic<>("raqib.trends", Serdes.String(), JsonSerde.of(Trend.class), false);

    /** Records that could not be processed, with the reason. */
    public static final Topic<String, DeadLetter> DLQ =
            new Topic<>("raqib.dlq", Serdes.String(), JsonSerde.of(DeadLetter.class), false);

    private Topics() {}

    /** All topics, in the order they are created and listed. */
    public static List<Topic<?, ?>> all() {
        return List.of(FEEDS, FEED_STATE, ARTICLES, MATCHES, ALERTS, ALERT_RETRIES, RULES, SUBSCRIPTIONS, TRENDS, DLQ);
    }
}

package org.raqib.alerts;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.raqib.core.config.AlertsSettings;
import org.raqib.core.config.EmailSettings;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Match;
import org.raqib.core.model.Mention;
import org.raqib.core.model.RuleHit;
import org.raqib.core.model.Subscription;
import org.raqib.core.testing.KafkaClusterExtension;

/** Small matches and subscriptions for tests. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private Fixtures() {}

    /**
     * Settings for tests: port 0 on loopback, a fresh consumer group, one-second keep-alives, private addresses
     * allowed (receivers run on loopback), fast retries for {@code retryFor} 30 s, SMTP on {@code smtpPort}.
     */
    public static AlertsSettings settings(Path tokenFile, Map<String, String> subscribers, int smtpPort) {
        return settings(tokenFile, subscribers, smtpPort, KafkaClusterExtension.uniqueName("alerts"), Duration.ofSeconds(30));
    }

    /** Test settings with the given consumer group and retry horizon. */
    public static AlertsSettings settings(Path tokenFile, Map<String, String> subscribers, int smtpPort, String groupId,
            Duration retryFor) {
        return settings(tokenFile, subscribers, smtpPort, groupId, retryFor, Duration.ofSeconds(2), 8);
    }

    /** Test settings with the given consumer group, retry horizon, attempt timeout and per-destination limit. */
    public static AlertsSettings settings(Path tokenFile, Map<String, String> subscribers, int smtpPort, String groupId,
            Duration retryFor, Duration deliveryTimeout, int requestsPerDestination) {
        return new AlertsSettings(0, "127.0.0.1", tokenFile.toString(), subscribers,
                groupId, 1000, Duration.ofSeconds(1), 1000, true, true, true,
                deliveryTimeout, requestsPerDestination, Duration.ofMillis(200), Duration.ofSeconds(1), retryFor,
                "http://127.0.0.1:8080", new EmailSettings("127.0.0.1", smtpPort, "none", "", "", "raqib@example.org"));
    }

    /** {@code s} with at most {@code maxStreams} server-sent event streams open at once. */
    public static AlertsSettings withMaxStreams(AlertsSettings s, int maxStreams) {
        return new AlertsSettings(s.httpPort(), s.bindAddress(), s.adminTokenFile(), s.subscriberTokens(), s.groupId(),
                s.historySize(), s.keepAlive(), maxStreams, s.builtinSubscription(), s.oneAlertPerStory(),
                s.allowPrivateAddresses(), s.deliveryTimeout(), s.requestsPerDestination(), s.retryFirstDelay(),
                s.retryMaxDelay(), s.retryFor(), s.publicUrl(), s.email());
    }

    /** {@link #settings(Path, Map, int)} with an SMTP port nothing listens on. */
    public static AlertsSettings settings(Path tokenFile, Map<String, String> subscribers) {
        return settings(tokenFile, subscribers, 1);
    }

    /** A storyline match of article {@code articleId} naming Libya (LY, side libya), first in its story. */
    public static Match storylineMatch(String articleId) {
        return match(articleId, true, true, List.of());
    }

    /** A storyline match of article {@code articleId} from {@code source}. */
    public static Match fromSource(String articleId, String source) {
        Match m = storylineMatch(articleId);
        return new Match(m.articleId(), m.storyId(), m.firstInStory(), source, m.feedId(), m.url(), m.title(), m.lang(),
                m.publishedAt(), m.fetchedAt(), m.matchedAt(), m.entities(), m.rules(), m.storyline(), m.snippet());
    }

    /** A match with the given story flags and rule hits, naming Libya. */
    public static Match match(String articleId, boolean firstInStory, boolean storyline, List<RuleHit> rules) {
        String title = "ليبيا: اجتماع في طرابلس";
        EntityHit libya = new EntityHit("LY", "Libya", "libya", "country",
                List.of(new Mention("title", 0, 5, "ليبيا", 1.0, "alias")));
        return new Match(articleId, "story-" + articleId, firstInStory, "alwasat", "feed-1",
                "https://example.org/" + articleId, title, "ar", T0, T0.plusSeconds(5), T0.plusSeconds(6),
                List.of(libya), rules, storyline, "اجتماع في طرابلس");
    }

    /** A rule hit. */
    public static RuleHit rule(String id, String severity, double score) {
        return new RuleHit(id, id, severity, score, List.of("LY"));
    }

    /** A subscription owned by {@code owner} with the sse channel and no filters. */
    public static Subscription subscription(String id, String owner) {
        return new Subscription(id, owner, id, List.of(), List.of(), List.of(), false, 0.0,
                List.of(new Subscription.Channel("sse", "")), List.of(), List.of(), "low", "", null, 0);
    }
}

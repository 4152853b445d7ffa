package org.raqib.core.config;

import java.time.Duration;
import java.util.Map;

/**
 * The alerts service and its HTTP API.
 *
 * @param httpPort port of the HTTP API, server-sent events, metrics and health
 * @param bindAddress address the HTTP server listens on
 * @param adminTokenFile file holding the admin bearer token; generated (owner-readable only) when missing
 * @param subscriberTokens bearer tokens of subscribers, by subscriber name (the owner of their subscriptions)
 * @param groupId consumer group of the alert fan-out over {@code raqib.matches}
 * @param historySize alerts kept in the in-memory history view (oldest dropped first)
 * @param keepAlive interval of keep-alive comments on server-sent event streams
 * @param builtinSubscription whether the {@code all-storyline} subscription is created when none exist
 * @param oneAlertPerStory whether later copies of a story become {@code also-reported} updates
 */
public record AlertsSettings(
        int httpPort,
        String bindAddress,
        String adminTokenFile,
        Map<String, String> subscriberTokens,
        String groupId,
        int historySize,
        Duration keepAlive,
        boolean builtinSubscription,
        boolean oneAlertPerStory) {

    public AlertsSettings {
        Checks.port("httpPort", httpPort);
        Checks.notBlank("bindAddress", bindAddress);
        Checks.notBlank("adminTokenFile", adminTokenFile);
        subscriberTokens = subscriberTokens == null ? Map.of() : Map.copyOf(subscriberTokens);
        Checks.notBlank("groupId", groupId);
        Checks.range("historySize", historySize, 1, 10_000_000);
        Checks.positive("keepAlive", keepAlive);
    }
}

package org.raqib.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

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
 * @param maxStreams server-sent event streams open at once on one instance; one more is refused with 503
 * @param builtinSubscription whether the {@code all-storyline} subscription is created when none exist
 * @param oneAlertPerStory whether later copies of a story become {@code also-reported} updates
 * @param allowPrivateAddresses whether webhooks may target private, loopback and link-local addresses (SSRF guard off)
 * @param deliveryTimeout longest wait for one webhook or SMTP delivery attempt
 * @param requestsPerDestination webhook and chat requests sent at once to one destination (host and port), and
 *     SMTP sessions open at once with the mail server; more wait in that destination's queue
 * @param retryFirstDelay delay before the first retry; each later one doubles it (with jitter)
 * @param retryMaxDelay longest delay between two retries
 * @param retryFor how long a failing delivery is retried before it goes to {@code raqib.dlq}
 * @param publicUrl base URL of this API as subscribers reach it, for links in emails and feeds
 * @param email SMTP server for the email channel
 */
public record AlertsSettings(
        int httpPort,
        String bindAddress,
        String adminTokenFile,
        Map<String, String> subscriberTokens,
        String groupId,
        int historySize,
        Duration keepAlive,
        int maxStreams,
        boolean builtinSubscription,
        boolean oneAlertPerStory,
        boolean allowPrivateAddresses,
        Duration deliveryTimeout,
        int requestsPerDestination,
        Duration retryFirstDelay,
        Duration retryMaxDelay,
        Duration retryFor,
        String publicUrl,
        EmailSettings email) {

    public AlertsSettings {
        Checks.port("httpPort", httpPort);
        Checks.notBlank("bindAddress", bindAddress);
        Checks.notBlank("adminTokenFile", adminTokenFile);
        subscriberTokens = subscriberTokens == null ? Map.of() : Map.copyOf(subscriberTokens);
        Checks.notBlank("groupId", groupId);
        Checks.range("historySize", historySize, 1, 10_000_000);
        Checks.positive("keepAlive", keepAlive);
        Checks.range("maxStreams", maxStreams, 1, 100_000);
        Checks.positive("deliveryTimeout", deliveryTimeout);
        Checks.range("requestsPerDestination", requestsPerDestination, 1, 1000);
        Checks.positive("retryFirstDelay", retryFirstDelay);
        Checks.positive("retryMaxDelay", retryMaxDelay);
        Checks.positive("retryFor", retryFor);
        Checks.notBlank("publicUrl", publicUrl);
        Objects.requireNonNull(email, "email");
    }
}

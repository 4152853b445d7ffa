package org.raqib.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The processing topology.
 *
 * @param applicationId Kafka Streams application id: instances with the same id share the work
 * @param stateDir where local state stores live (rebuilt from changelog topics when lost)
 * @param httpPort port of the streams service's metrics, health and query endpoints when it runs alone
 * @param threads stream threads per instance
 * @param dedupeWindow how long an article id is remembered to drop exact repeats
 * @param storyWindow how long a story stays open for near-duplicate copies to join it
 * @param commitInterval how often processing commits; under exactly-once, results become visible to readers only
 *     at a commit, so each of the topology's two stages adds up to this much to an article's latency
 * @param advertisedAddress {@code host} or {@code host:port} at which the other instances reach this instance's
 *     query endpoints (Kafka Streams' {@code application.server}); empty derives it from the HTTP server's bind
 *     address and port
 * @param queryTimeout longest wait for another instance's answer to a query before answering without it
 */
public record StreamsSettings(
        String applicationId, String stateDir, int httpPort, int threads, Duration dedupeWindow, Duration storyWindow,
        Duration commitInterval, String advertisedAddress, Duration queryTimeout) {

    /** The default commit interval, for code that builds settings by hand. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(50);

    /** The default wait for another instance's answer, for code that builds settings by hand. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(2);

    public StreamsSettings {
        Checks.notBlank("applicationId", applicationId);
        Checks.notBlank("stateDir", stateDir);
        Checks.port("httpPort", httpPort);
        Checks.range("threads", threads, 1, 64);
        Checks.positive("dedupeWindow", dedupeWindow);
        Checks.positive("storyWindow", storyWindow);
        Checks.positive("commitInterval", commitInterval);
        advertisedAddress = Objects.requireNonNull(advertisedAddress, "advertisedAddress").strip();
        Checks.positive("queryTimeout", queryTimeout);
    }

    /** Settings with a derived advertised address and the {@linkplain #DEFAULT_QUERY_TIMEOUT default query timeout}. */
    public StreamsSettings(String applicationId, String stateDir, int httpPort, int threads, Duration dedupeWindow,
            Duration storyWindow, Duration commitInterval) {
        this(applicationId, stateDir, httpPort, threads, dedupeWindow, storyWindow, commitInterval, "",
                DEFAULT_QUERY_TIMEOUT);
    }

    /** Settings with the {@linkplain #DEFAULT_COMMIT_INTERVAL default commit interval}. */
    public StreamsSettings(String applicationId, String stateDir, int httpPort, int threads, Duration dedupeWindow,
            Duration storyWindow) {
        this(applicationId, stateDir, httpPort, threads, dedupeWindow, storyWindow, DEFAULT_COMMIT_INTERVAL);
    }
}

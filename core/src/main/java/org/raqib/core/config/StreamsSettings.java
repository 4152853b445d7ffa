package org.raqib.core.config;

import java.time.Duration;

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
 */
public record StreamsSettings(
        String applicationId, String stateDir, int httpPort, int threads, Duration dedupeWindow, Duration storyWindow,
        Duration commitInterval) {

    /** The default commit interval, for code that builds settings by hand. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(50);

    public StreamsSettings {
        Checks.notBlank("applicationId", applicationId);
        Checks.notBlank("stateDir", stateDir);
        Checks.port("httpPort", httpPort);
        Checks.range("threads", threads, 1, 64);
        Checks.positive("dedupeWindow", dedupeWindow);
        Checks.positive("storyWindow", storyWindow);
        Checks.positive("commitInterval", commitInterval);
    }

    /** Settings with the {@linkplain #DEFAULT_COMMIT_INTERVAL default commit interval}. */
    public StreamsSettings(String applicationId, String stateDir, int httpPort, int threads, Duration dedupeWindow,
            Duration storyWindow) {
        this(applicationId, stateDir, httpPort, threads, dedupeWindow, storyWindow, DEFAULT_COMMIT_INTERVAL);
    }
}

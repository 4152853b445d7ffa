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
 */
public record StreamsSettings(
        String applicationId, String stateDir, int httpPort, int threads, Duration dedupeWindow, Duration storyWindow) {

    public StreamsSettings {
        Checks.notBlank("applicationId", applicationId);
        Checks.notBlank("stateDir", stateDir);
        Checks.port("httpPort", httpPort);
        Checks.range("threads", threads, 1, 64);
        Checks.positive("dedupeWindow", dedupeWindow);
        Checks.positive("storyWindow", storyWindow);
    }
}

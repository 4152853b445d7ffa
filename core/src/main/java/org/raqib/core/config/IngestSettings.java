package org.raqib.core.config;

import java.time.Duration;

/**
 * Feed polling.
 *
 * @param httpPort port of the ingest service's metrics and health endpoints when it runs alone
 * @param feedsFile YAML file of feed definitions pushed to {@code raqib.feeds} at start; empty for none
 * @param userAgent the User-Agent sent with every request
 * @param groupId consumer group of the ingest workers over {@code raqib.feeds}; workers with the same id share feeds
 * @param allowPrivateAddresses whether every feed may reach private, loopback and link-local addresses (SSRF guard off)
 * @param connectTimeout longest wait for a TCP/TLS connection
 * @param readTimeout longest wait for a whole response, headers and body
 * @param maxBodyBytes largest response body read, before and after decompression
 * @param perHostConcurrency most requests in flight to one host at a time
 * @param perHostDelay shortest time between the starts of two requests to one host
 * @param pollThreads feeds fetched in parallel by one worker
 */
public record IngestSettings(
        int httpPort,
        String feedsFile,
        String userAgent,
        String groupId,
        boolean allowPrivateAddresses,
        Duration connectTimeout,
        Duration readTimeout,
        int maxBodyBytes,
        int perHostConcurrency,
        Duration perHostDelay,
        int pollThreads) {

    public IngestSettings {
        Checks.port("httpPort", httpPort);
        feedsFile = feedsFile == null ? "" : feedsFile;
        Checks.notBlank("userAgent", userAgent);
        Checks.notBlank("groupId", groupId);
        Checks.positive("connectTimeout", connectTimeout);
        Checks.positive("readTimeout", readTimeout);
        Checks.range("maxBodyBytes", maxBodyBytes, 1024, 1L << 30);
        Checks.range("perHostConcurrency", perHostConcurrency, 1, 64);
        if (perHostDelay == null || perHostDelay.isNegative()) {
            throw new IllegalArgumentException("perHostDelay must be zero or more, got " + perHostDelay);
        }
        Checks.range("pollThreads", pollThreads, 1, 256);
    }
}

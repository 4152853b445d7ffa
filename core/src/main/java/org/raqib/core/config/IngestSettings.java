package org.raqib.core.config;

/**
 * Feed polling.
 *
 * @param httpPort port of the ingest service's metrics and health endpoints when it runs alone
 * @param feedsFile YAML file of feed definitions pushed to {@code raqib.feeds} at start; empty for none
 * @param userAgent the User-Agent sent with every request
 */
public record IngestSettings(int httpPort, String feedsFile, String userAgent) {

    public IngestSettings {
        Checks.port("httpPort", httpPort);
        feedsFile = feedsFile == null ? "" : feedsFile;
        Checks.notBlank("userAgent", userAgent);
    }
}

package org.raqib.core.config;

/**
 * The alerts service and its HTTP API.
 *
 * @param httpPort port of the HTTP API, server-sent events, metrics and health
 * @param bindAddress address the HTTP server listens on
 * @param adminTokenFile file holding the admin bearer token; generated (owner-readable only) when missing
 */
public record AlertsSettings(int httpPort, String bindAddress, String adminTokenFile) {

    public AlertsSettings {
        Checks.port("httpPort", httpPort);
        Checks.notBlank("bindAddress", bindAddress);
        Checks.notBlank("adminTokenFile", adminTokenFile);
    }
}

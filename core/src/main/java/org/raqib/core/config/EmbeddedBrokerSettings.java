package org.raqib.core.config;

/**
 * The embedded single-node KRaft broker, used when no bootstrap servers are configured.
 *
 * @param dataDir where its logs and metadata live; kept across restarts
 * @param port the client listener on localhost
 * @param controllerPort the KRaft controller listener on localhost
 */
public record EmbeddedBrokerSettings(String dataDir, int port, int controllerPort) {

    public EmbeddedBrokerSettings {
        Checks.port("port", port);
        Checks.port("controllerPort", controllerPort);
        if (port == controllerPort) {
            throw new IllegalArgumentException("controllerPort must differ from port (" + port + ")");
        }
    }
}

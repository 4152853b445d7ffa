package org.raqib.app.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.raqib.core.config.ConfigLoader;
import org.raqib.core.config.RaqibConfig;
import picocli.CommandLine.Option;

/** Options every service command shares: the config file and the Kafka cluster. Mixed into commands with {@code @Mixin}. */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: ./raqib.yaml when it exists).")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "An external Kafka cluster; without it, commands that can start the embedded broker do.")
    String bootstrapServers;

    /** Loads the configuration with these options applied over the file and environment. */
    public RaqibConfig load() {
        return load(Map.of());
    }

    /** Loads the configuration with {@code settings} applied over the file and environment, then these options. */
    public RaqibConfig load(Map<String, String> settings) {
        Map<String, String> overrides = new HashMap<>(settings);
        if (bootstrapServers != null) {
            overrides.put("kafka.bootstrapServers", bootstrapServers);
        }
        return new ConfigLoader().load(Optional.ofNullable(config), overrides);
    }
}

package org.raqib.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsSelectTheEmbeddedBroker() {
        RaqibConfig config = ConfigLoader.defaultConfig();

        assertThat(config.kafka().useEmbedded()).isTrue();
        assertThat(config.kafka().embedded().port()).isEqualTo(9092);
        assertThat(config.alerts().httpPort()).isEqualTo(8080);
    }

    @Test
    void fileOverridesDefaultsKeyByKey() throws IOException {
        Path file = write("topics:\n  partitions: 3\nkafka:\n  properties:\n    security.protocol: SASL_SSL\n");

        RaqibConfig config = new ConfigLoader(Map.of()).load(Optional.of(file), Map.of());

        assertThat(config.topics().partitions()).isEqualTo(3);
        assertThat(config.topics().replicationFactor()).isEqualTo(1);
        assertThat(config.kafka().properties()).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void environmentOverridesFileAndOptionsOverrideEnvironment() throws IOException {
        Path file = write("streams:\n  applicationId: from-file\n");
        Map<String, String> env = Map.of(
                "RAQIB_STREAMS_APPLICATION_ID", "from-env",
                "KAFKA_BOOTSTRAP_SERVERS", "env:9092");

        RaqibConfig config = new ConfigLoader(env).load(Optional.of(file), Map.of("kafka.bootstrapServers", "cli:9092"));

        assertThat(config.streams().applicationId()).isEqualTo("from-env");
        assertThat(config.kafka().bootstrapServers()).isEqualTo("cli:9092");
        assertThat(config.kafka().useEmbedded()).isFalse();
    }

    @Test
    void reportsEveryProblemByKeyAtOnce() throws IOException {
        Path file = write("topics:\n  partitions: 0\n  colour: blue\nalerts:\n  httpPort: eighty\nbogus: 1\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("topics.colour: unknown key"))
                        .anySatisfy(p -> assertThat(p).startsWith("bogus: unknown key"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("alerts.httpPort: 'eighty' is not a whole number"))
                        .anySatisfy(p -> assertThat(p).contains("partitions must be between 1 and 10000, got 0")));
    }

    @Test
    void rejectsAPerDestinationRequestLimitBelowOne() throws IOException {
        Path file = write("alerts:\n  requestsPerDestination: 0\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("requestsPerDestination must be between 1 and 1000, got 0")));
        assertThat(new ConfigLoader(Map.of()).load(Optional.empty(), Map.of()).alerts().requestsPerDestination())
                .isEqualTo(8);
    }

    @Test
    void rejectsMissingFileWithItsName() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(missing), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml does not exist");
    }

    @Test
    void rejectsYamlThatIsNotAMapping() throws IOException {
        Path file = write("- just\n- a list\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be a YAML mapping");
    }

    @Test
    void namesEnvironmentVariablesAfterKeys() {
        assertThat(ConfigLoader.environmentVariable("streams.applicationId")).isEqualTo("RAQIB_STREAMS_APPLICATION_ID");
        assertThat(ConfigLoader.environmentVariable("kafka.embedded.dataDir")).isEqualTo("RAQIB_KAFKA_EMBEDDED_DATA_DIR");
    }

    @Test
    void parsesShortAndIsoDurations() {
        assertThat(ConfigLoader.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ConfigLoader.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ConfigLoader.parseDuration("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> ConfigLoader.parseDuration("soon")).hasMessageContaining("not a duration");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("raqib.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}

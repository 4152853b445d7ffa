package org.raqib.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.raqib.core.config.StreamsSettings;
import org.raqib.core.config.TopicsSettings;

class StreamsServicePropertiesTest {

    private static final StreamsSettings SETTINGS = new StreamsSettings("raqib-streams", "data/streams", 0, 2,
            Duration.ofDays(7), Duration.ofDays(3), Duration.ofMillis(75));

    private static Properties properties() {
        return StreamsService.properties(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092"), SETTINGS,
                new TopicsSettings(6, 3, 2, Duration.ofDays(30).toMillis()), Optional.empty());
    }

    @Test
    void processesExactlyOnceAndCommitsAtTheConfiguredInterval() {
        Properties props = properties();

        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 75L);
    }

    @Test
    void neverWaitsForAnotherPartitionBecauseEveryTaskReadsOne() {
        assertThat(properties()).containsEntry(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG,
                StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    }
}

package org.raqib.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.bench.BenchArticles;
import org.raqib.core.config.ConfigLoader;
import org.raqib.core.config.TopicsSettings;
import org.raqib.core.kafka.KafkaClients;
import org.raqib.core.testing.KafkaClusterExtension;

/** The pipeline benchmark's two phases on a real broker, at a tiny size: it counts, the test does not time. */
class PipelineBenchmarkIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    @TempDir
    Path state;

    @Test
    void countsOnlyTheArticlesAfterTheWarmUpBacklog() throws Exception {
        KafkaClients clients = new KafkaClients(kafka.bootstrapServers(), ConfigLoader.defaultConfig().kafka());
        PipelineBenchmark bench = new PipelineBenchmark(clients, new TopicsSettings(2, 1, 1, -1), state,
                BenchArticles.of(4));

        // Commits every 10 ms: a fast machine gets through all 420 tiny articles within one 100 ms commit interval,
        // and then nothing is left to count.
        PipelineBenchmark.Result result = bench.run(new PipelineBenchmark.Options(50, 1, 20, 400, 20,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(10), Map.of()));

        // The clock starts at the first commit past the warm-up; what that commit covered is not counted.
        assertThat(result.warmupBacklog()).isGreaterThanOrEqualTo(20);
        assertThat(result.warmupBacklog() + result.backlog()).isEqualTo(420);
        assertThat(result.backlog()).isPositive();
        assertThat(result.backlogMatches()).isPositive();
        assertThat(result.articlesPerSecond()).isPositive();
        assertThat(result.backlogProcessCpuSeconds()).isPositive();
    }

    @Test
    void processesTheBacklogAndSamplesTheLatencyOfEveryMatchedArticle() throws Exception {
        KafkaClients clients = new KafkaClients(kafka.bootstrapServers(), ConfigLoader.defaultConfig().kafka());
        PipelineBenchmark bench = new PipelineBenchmark(clients, new TopicsSettings(2, 1, 1, -1), state,
                BenchArticles.of(4));

        PipelineBenchmark.Result result = bench.run(new PipelineBenchmark.Options(50, 1, 40, 20,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(100)));

        // Half the articles name both sides of the storyline; the default pack's storyline rule matches those.
        assertThat(result.backlog()).isEqualTo(40);
        assertThat(result.backlogMatches()).isGreaterThanOrEqualTo(20);
        assertThat(result.latencySent()).isEqualTo(40);
        assertThat(result.latencyMillis()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(result.latencyQuantile(0.99)).isPositive();
    }
}

package org.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.core.config.ConfigLoader;
import org.raqib.core.config.RaqibConfig;

/** {@code /health/ready} tells the truth: ready with Kafka, 503 with the reason once Kafka is gone. */
class HealthIT {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessFailsWithAReasonWhenKafkaStops() throws Exception {
        RaqibConfig config = new ConfigLoader(Map.of()).load(Optional.empty(), Map.of(
                "kafka.embedded.dataDir", data.resolve("kafka").toString(),
                "kafka.embedded.port", String.valueOf(freePort()),
                "kafka.embedded.controllerPort", String.valueOf(freePort()),
                "topics.partitions", "1",
                "alerts.httpPort", "0",
                "alerts.bindAddress", "127.0.0.1",
                "alerts.adminTokenFile", data.resolve("admin.token").toString()));
        KafkaConnection kafka = KafkaConnection.open(config, KafkaConnection.WhenUnconfigured.START_EMBEDDED);
        try (RaqibApplication app = RaqibApplication.start(config, kafka,
                EnumSet.of(RaqibApplication.Service.ALERTS), Clock.systemUTC())) {
            int port = app.alerts().orElseThrow().port();
            assertThatEventually(() -> assertThat(ready(port).statusCode()).isEqualTo(200));

            kafka.close();

            assertThatEventually(Duration.ofSeconds(90), () -> {
                HttpResponse<String> response = ready(port);
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.body()).contains("Kafka does not answer");
            });
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            kafka.close();
        }
    }

    private HttpResponse<String> ready(int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

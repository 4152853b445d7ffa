package org.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docker-compose.yml is validated by Docker's own tool where it is installed, and its services run real commands. */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void composeFileIsValidForDockerCompose() throws Exception {
        Assumptions.assumeTrue(onPath("docker-compose"),
                "docker-compose is not installed (.ci/run installs Debian's docker-compose package)");
        Process process = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void everyRaqibServiceRunsAnExistingSubcommandOnTheReplicatedCluster() throws IOException {
        // SnakeYAML applies the file's merge keys (<<: *raqib) as Compose does; Jackson's YAML tree would not.
        Object compose = new org.yaml.snakeyaml.Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml"),
                StandardCharsets.UTF_8));
        JsonNode services = new YAMLMapper().valueToTree(compose).get("services");
        List<String> commands = new ArrayList<>();
        services.fields().forEachRemaining(entry -> {
            JsonNode service = entry.getValue();
            if (service.path("image").asText().startsWith("raqib")) {
                commands.add(service.get("command").get(0).asText());
                assertThat(service.path("environment").path("RAQIB_TOPICS_REPLICATION_FACTOR").asText())
                        .isEqualTo("3");
            }
        });

        assertThat(commands).containsOnly("ingest", "streams", "alerts").contains("ingest", "streams", "alerts");
        assertThat(Raqib.commandLine().getSubcommands().keySet()).containsAll(commands);
    }

    @Test
    void imageRunsTheJarTheBuildProduces() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8);

        assertThat(dockerfile).contains("app/target/raqib.jar");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}

package org.raqib.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.app.Raqib;
import org.raqib.core.testing.KafkaClusterExtension;

/** {@code raqib feeds push} and {@code list} against a real broker. */
class FeedsCommandIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    private int run(StringWriter out, StringWriter err, String... args) {
        return Raqib.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void pushesTheDefaultsThenAFileWithPruningAndListsWhatIsRegistered(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "feeds", "push", "--defaults", "--bootstrap-servers", kafka.bootstrapServers()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("pushed ").contains("feeds to raqib.feeds");

        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, """
                feeds:
                  - id: alwasat-ly
                    url: https://alwasat.ly/rss
                    tags: [libya]
                  - id: local-test
                    url: http://127.0.0.1:8090/feeds/sabq.xml
                    allowPrivate: true
                    fullText: true
                """, StandardCharsets.UTF_8);
        StringWriter pushed = new StringWriter();
        assertThat(run(pushed, err, "feeds", "push", file.toString(), "--prune", "--bootstrap-servers",
                kafka.bootstrapServers())).as(err.toString()).isZero();
        assertThat(pushed.toString()).contains("pushed 2 feeds").contains("removed aljazeera");

        StringWriter table = new StringWriter();
        StringWriter json = new StringWriter();
        assertThat(run(table, err, "feeds", "list", "--bootstrap-servers", kafka.bootstrapServers())).isZero();
        assertThat(run(json, err, "feeds", "list", "--json", "--bootstrap-servers", kafka.bootstrapServers())).isZero();

        assertThat(table.toString().lines()).hasSize(3).first().asString().startsWith("ID");
        assertThat(table.toString()).contains("alwasat-ly", "local-test", "yes");
        assertThat(json.toString().lines()).hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("\"id\":\"local-test\"", "\"allowPrivate\":true"));
    }
}

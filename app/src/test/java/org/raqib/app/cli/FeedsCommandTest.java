package org.raqib.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.app.Raqib;

/** The feed commands' user errors, which are caught before any cluster is contacted. */
class FeedsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Raqib.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void refusesAnInvalidFeedFileListingEveryProblemWithExitCodeOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, """
                feeds:
                  - id: a
                    url: file:///etc/passwd
                  - id: a
                    url: https://example.org/rss
                """, StandardCharsets.UTF_8);

        int code = run("feeds", "push", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: invalid feed file").contains("http(s)").contains("unique")
                .doesNotContain("\tat ");
    }

    @Test
    void asksForAFileOrTheDefaults() {
        assertThat(run("feeds", "push")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: give a feed FILE or --defaults");
    }

    @Test
    void refusesSimulatingAnEmptyCorpus(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("empty.jsonl"), "", StandardCharsets.UTF_8);

        int code = run("simulate-feeds", "--corpus", dir.toString(), "--port", "0");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: no articles in");
    }
}

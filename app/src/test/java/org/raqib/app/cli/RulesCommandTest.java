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

/** The rules command's checks, which happen before any cluster is contacted. */
class RulesCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Raqib.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void refusesAFileWithAnInvalidRuleListingEveryProblemWithItsPlace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("watch.yaml");
        Files.writeString(file, """
                - id: fine
                  query: وفد AND side:sahel
                - id: broken
                  severity: urgent
                  query: |
                    entity:NE
                    AND (وفد OR زيارة
                """, StandardCharsets.UTF_8);

        int code = run("rules", "push", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("rule 'broken', line 7, column 9").contains("severity 'urgent'")
                .contains("nothing was written").doesNotContain("\tat ");
    }

    @Test
    void validatesWithoutWritingOnADryRun(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "id: a\nquery: وفد\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.yaml"), "id: b\nquery: entity:LY>=2\n", StandardCharsets.UTF_8);

        assertThat(run("rules", "push", "--dry-run", dir.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("2 rule(s) valid");
    }

    @Test
    void explainsAMissingPath(@TempDir Path dir) {
        assertThat(run("rules", "push", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: no such file or folder");
    }
}

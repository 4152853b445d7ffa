package org.raqib.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus's own {@code promtool}, run on files and scrapes. A test that uses it is skipped (with the reason) where
 * promtool is not installed; {@code .ci/run} installs Debian's {@code prometheus} package, so CI always runs it.
 */
public final class Promtool {

    private Promtool() {}

    /** Whether promtool is installed, for a check inside a larger test that must not be skipped without it. */
    public static boolean installed() {
        return Files.isExecutable(path());
    }

    /** Fails unless {@code promtool check metrics} accepts {@code exposition} (the text of a scrape). */
    public static String checkMetrics(String exposition) throws Exception {
        return run(exposition, "check", "metrics");
    }

    /**
     * Runs promtool with {@code stdin} (or nothing) as input and returns what it printed; fails on a non-zero exit,
     * skips the test when promtool is absent. The path is {@code /usr/bin/promtool} unless the system property
     * {@code raqib.promtool} says otherwise.
     */
    public static String run(String stdin, String... args) throws Exception {
        Path promtool = path();
        Assumptions.assumeTrue(Files.isExecutable(promtool),
                "promtool is not installed at " + promtool + " (Debian package prometheus; .ci/run installs it)");
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as("promtool %s said:%n%s", String.join(" ", args), output).isZero();
        return output;
    }

    private static Path path() {
        return Path.of(System.getProperty("raqib.promtool", "/usr/bin/promtool"));
    }
}

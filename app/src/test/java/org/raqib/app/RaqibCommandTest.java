package org.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RaqibCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsUsageWithEverySubcommandWhenRunWithoutArguments() {
        int code = run();

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: raqib").contains("topics");
    }

    @Test
    void rejectsAnUnknownOptionWithOneLineAndTheUsageAndExitCodeTwo() {
        int code = run("--no-such-option");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Unknown option: '--no-such-option'").contains("Usage: raqib");
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void rejectsAnInvalidValueWithExitCodeTwo() {
        int code = run("topics", "sideways");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: ").contains("sideways").doesNotContain("\tat ");
    }

    @Test
    void reportsAnInvalidConfigurationFileByNameWithExitCodeTwo() {
        int code = run("topics", "--config", "does-not-exist.yaml");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo(
                "error: invalid configuration: config file does-not-exist.yaml does not exist or is not a file");
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void givesHelpForEverySubcommand(String name) {
        int code = run(name, "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: raqib " + name);
    }

    @ParameterizedTest
    @MethodSource("benchSubcommands")
    void givesHelpForEveryBenchSubcommand(String name) {
        int code = run("bench", name, "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: raqib bench " + name);
    }

    static Stream<String> benchSubcommands() {
        return Raqib.commandLine().getSubcommands().get("bench").getSubcommands().keySet().stream()
                .filter(n -> !n.equals("help"));
    }

    static Stream<String> subcommands() {
        return Raqib.commandLine().getSubcommands().keySet().stream().filter(n -> !n.equals("help"));
    }

    private int run(String... args) {
        return Raqib.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}

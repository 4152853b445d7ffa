package org.raqib.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.raqib.app.cli.FeedsCommand;
import org.raqib.app.cli.RulesCommand;
import org.raqib.app.cli.SimulateFeedsCommand;
import org.raqib.app.cli.SubscriptionsCommand;
import org.raqib.app.cli.AlertsCommand;
import org.raqib.app.cli.DemoCommand;
import org.raqib.app.cli.IngestCommand;
import org.raqib.app.cli.MatchCommand;
import org.raqib.app.cli.RunCommand;
import org.raqib.app.cli.StreamsCommand;
import org.raqib.app.cli.ExtractCommand;
import org.raqib.app.cli.ParseFeedCommand;
import org.raqib.app.cli.TopicsCommand;
import org.raqib.core.config.ConfigException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code raqib} command. Every subcommand is registered here; each lives in {@code org.raqib.app.cli}.
 *
 * <p>User errors (unknown options, invalid values, invalid configuration) print a one-line error and the usage
 * and exit with status 2, never a stack trace.
 */
@Command(
        name = "raqib",
        mixinStandardHelpOptions = true,
        versionProvider = Raqib.Version.class,
        description = "Raqib (رقيب): a Kafka-native, real-time monitor for Arabic news.",
        subcommands = {
            CommandLine.HelpCommand.class,
            RunCommand.class,
            IngestCommand.class,
            StreamsCommand.class,
            AlertsCommand.class,
            DemoCommand.class,
            TopicsCommand.class,
            ParseFeedCommand.class,
            ExtractCommand.class,
            FeedsCommand.class,
            SimulateFeedsCommand.class,
            SubscriptionsCommand.class,
            RulesCommand.class,
            MatchCommand.class,
            org.raqib.app.cli.BenchCommand.class,
            org.raqib.app.cli.StatusCommand.class,
            org.raqib.app.cli.ImportCommand.class, org.raqib.app.cli.BacktestCommand.class, org.raqib.app.cli.ReplayCommand.class,
        })
public final class Raqib implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Runs the command line with the given output streams and returns the exit code (for tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The configured command line: exception handlers that keep user errors to one line. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Raqib());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException || e instanceof CommandLine.ParameterException
                    || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 2;
            }
            // Operational failures (Kafka unreachable, a port taken, a file unreadable): one line a user can act
            // on; the stack trace goes to the log for whoever debugs it.
            LoggerFactory.getLogger(Raqib.class).debug("command failed", e);
            commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine commandLine = e.getCommandLine();
            commandLine.getErr().println("error: " + e.getMessage());
            commandLine.usage(commandLine.getErr());
            return 2;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Raqib.class.getPackage().getImplementationVersion();
            return new String[] {"raqib " + (v == null ? "development build" : v)};
        }
    }

    private Raqib() {}
}

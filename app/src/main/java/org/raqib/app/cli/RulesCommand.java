package org.raqib.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.raqib.app.KafkaConnection;
import org.raqib.core.json.Json;
import org.raqib.core.model.Rule;
import org.raqib.streams.rules.RuleFiles;
import org.raqib.streams.rules.RuleTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code raqib rules push FILE|DIR} and {@code raqib rules list}: analysts' rules in the compacted {@code raqib.rules}
 * topic, written directly (running Streams instances pick changes up live). Exit codes: 0 done, 1 Kafka unreachable,
 * 2 invalid rules or arguments (nothing is written then).
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Pushes analysts' rules to raqib.rules or lists the current ones (rule language: docs/rules.md).",
        subcommands = {RulesCommand.Push.class, RulesCommand.ListRules.class})
public final class RulesCommand implements Runnable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code raqib rules push FILE|DIR}. */
    @Command(name = "push", mixinStandardHelpOptions = true,
            description = {"Validates every rule in a YAML file or a folder of YAML files, then writes them all to"
                    + " raqib.rules keyed by id. When any rule is invalid, prints every problem and writes nothing."})
    static final class Push implements Callable<Integer> {

        @Mixin
        CommonOptions options;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE|DIR", description = "A rule file (.yaml/.yml) or a folder of them.")
        Path path;

        @Option(names = "--dry-run", description = "Only validate; write nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            RuleFiles.Loaded loaded = RuleFiles.read(path);
            if (!loaded.valid()) {
                loaded.problems().forEach(p -> err.println("error: " + p));
                err.println("error: " + loaded.problems().size() + " problem(s); nothing was written");
                return 2;
            }
            if (loaded.rules().isEmpty()) {
                err.println("error: " + path + " holds no rules; nothing was written");
                return 2;
            }
            if (dryRun) {
                out.println(loaded.rules().size() + " rule(s) valid; nothing written (--dry-run)");
                return 0;
            }
            try (KafkaConnection connection = KafkaConnection.open(options.load(),
                    KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED)) {
                new RuleTopic(connection.clients().properties()).write(loaded.rules());
            } catch (IllegalStateException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
            loaded.rules().forEach(r -> out.println("pushed " + r.id()));
            out.println(loaded.rules().size() + " rule(s) written to raqib.rules");
            return 0;
        }
    }

    /** {@code raqib rules list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the current rules from raqib.rules: id, severity and name.")
    static final class ListRules implements Callable<Integer> {

        @Mixin
        CommonOptions options;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print each rule as one JSON line, query included.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Rule> rules;
            try (KafkaConnection connection = KafkaConnection.open(options.load(),
                    KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED)) {
                rules = new RuleTopic(connection.clients().properties()).readAll(TIMEOUT);
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 1;
            }
            if (!json) {
                out.printf(Locale.ROOT, "%-32s %-9s %s%n", "ID", "SEVERITY", "NAME");
            }
            for (Rule r : rules) {
                if (json) {
                    out.println(Json.write(r));
                } else {
                    out.printf(Locale.ROOT, "%-32s %-9s %s%n", r.id(), r.severity(), r.name());
                }
            }
            return 0;
        }
    }
}

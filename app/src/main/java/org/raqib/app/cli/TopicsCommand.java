package org.raqib.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.raqib.app.KafkaConnection;
import org.raqib.core.config.RaqibConfig;
import org.raqib.core.kafka.TopicAdmin;
import org.raqib.core.kafka.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code raqib topics [list|verify]}: Raqib's topics as the cluster has them. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"Lists Raqib's topics with partitions and end offsets (list), or verifies them against the"
                + " configuration (verify, exit 1 on a mismatch).",
                "Without --bootstrap-servers it asks the embedded broker of a running 'raqib run' or 'raqib demo'."})
public final class TopicsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", defaultValue = "list", paramLabel = "list|verify", description = "What to do (default: list).")
    Action action;

    enum Action { list, verify }

    @Override
    public Integer call() {
        RaqibConfig config = options.load();
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConnection connection = KafkaConnection.open(config, KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED);
                Admin admin = connection.admin()) {
            TopicAdmin topics = new TopicAdmin(admin, config.topics());
            if (action == Action.verify) {
                List<String> problems = topics.verify(Topics.all());
                problems.forEach(p -> out.println("mismatch: " + p));
                if (problems.isEmpty()) {
                    out.println("all " + Topics.all().size() + " topics match the configuration");
                }
                return problems.isEmpty() ? 0 : 1;
            }
            Map<String, TopicAdmin.TopicStatus> status = topics.status(Topics.all());
            out.printf(Locale.ROOT, "%-22s %-8s %10s %12s %14s%n", "TOPIC", "POLICY", "PARTITIONS", "REPLICATION", "END OFFSETS");
            status.values().forEach(s -> out.printf(Locale.ROOT, "%-22s %-8s %10s %12s %14s%n", s.name(), s.cleanupPolicy(),
                    s.exists() ? s.partitions() : "missing", s.exists() ? s.replicationFactor() : "-",
                    s.exists() ? s.endOffset() : "-"));
            return 0;
        }
    }
}

package org.raqib.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.raqib.app.KafkaConnection;
import org.raqib.core.config.RaqibConfig;
import org.raqib.core.kafka.Topics;
import org.raqib.streams.backtest.Progress;
import org.raqib.streams.backtest.RangeCopy;
import org.raqib.streams.backtest.ReplayStart;
import org.raqib.streams.backtest.TerminalProgress;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code raqib replay}: re-feed a time range of {@code raqib.articles} to a fresh pipeline. See docs/backtest.md. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-feeds a time range of raqib.articles to a fresh pipeline: copies it to --to-topic T, or"
                + " starts a new Streams --application-id ID at the beginning of the range (then run"
                + " RAQIB_STREAMS_APPLICATION_ID=ID raqib streams).",
                "DATE is yyyy-MM-dd (UTC; --to includes that day) or an ISO instant.",
                "Exit codes: 0 done, 2 bad arguments, 1 Kafka failed or the application id has run before."})
public final class ReplayCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "Start of the range.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "End of the range.")
    String to;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--to-topic", paramLabel = "T", description = "Copy the range to topic T (created when missing).")
        String topic;

        @Option(names = "--application-id", paramLabel = "ID",
                description = "Commit the range's start offsets for a new Streams application id ID.")
        String applicationId;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant start;
        Instant end;
        try {
            start = BacktestCommand.instant(from, false);
            end = BacktestCommand.instant(to, true);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (!start.isBefore(end)) {
            err.println("error: --from " + from + " must be before --to " + to);
            return 2;
        }
        RaqibConfig config = options.load();
        try (KafkaConnection connection = KafkaConnection.open(config, KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED);
                Admin admin = connection.admin()) {
            if (target.topic != null) {
                if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(target.topic)) {
                    admin.createTopics(List.of(new NewTopic(target.topic, config.topics().partitions(),
                            (short) config.topics().replicationFactor()))).all().get(30, TimeUnit.SECONDS);
                }
                Progress progress = System.console() != null ? new TerminalProgress(err, "copying") : Progress.NONE;
                long copied = new RangeCopy(connection.clients().properties())
                        .copy(Topics.ARTICLES.name(), target.topic, start, end, progress);
                out.printf(Locale.ROOT, "copied %d articles of %s .. %s to %s%n", copied, start, end, target.topic);
                return 0;
            }
            Map<TopicPartition, Long> starts = new ReplayStart(admin)
                    .prepare(target.applicationId, Topics.ARTICLES.name(), start);
            out.printf(Locale.ROOT, "application id %s starts at %s on %d partitions of %s%n", target.applicationId,
                    start, starts.size(), Topics.ARTICLES.name());
            out.println("run it with: RAQIB_STREAMS_APPLICATION_ID=" + target.applicationId + " raqib streams");
            out.println("it reads on past " + end + " (live articles too) and writes raqib.matches; see docs/backtest.md");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        } catch (Exception e) {
            err.println("error: " + (e.getCause() != null && e instanceof java.util.concurrent.ExecutionException
                    ? e.getCause().getMessage() : e.getMessage()));
            return 1;
        }
    }
}

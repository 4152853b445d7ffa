package org.raqib.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.raqib.app.KafkaConnection;
import org.raqib.core.config.RaqibConfig;
import org.raqib.core.json.Json;
import org.raqib.core.model.FeedDefinition;
import org.raqib.ingest.registry.FeedRegistry;
import org.raqib.ingest.registry.FeedRegistryException;
import org.raqib.ingest.registry.FeedRegistryFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code raqib feeds push|list}: the feed registry in the compacted {@code raqib.feeds} topic. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "Publishes feed definitions to raqib.feeds (push) or lists the registered feeds (list).",
        subcommands = {FeedsCommand.Push.class, FeedsCommand.ListFeeds.class})
public final class FeedsCommand implements Runnable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code raqib feeds push FILE}. */
    @Command(name = "push", mixinStandardHelpOptions = true,
            description = {"Validates a YAML feed file and publishes its feeds to raqib.feeds (a feed pushed again is"
                    + " replaced). Exit 1 when the file is invalid, with every problem listed."})
    static final class Push implements Callable<Integer> {

        @Mixin
        CommonOptions options;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "YAML feed file (feeds: [...]).")
        Path file;

        @Option(names = "--defaults", description = "Push Raqib's bundled default feed list (unverified addresses).")
        boolean defaults;

        @Option(names = "--prune", description = "Also remove registered feeds that are not in the file.")
        boolean prune;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if ((file == null) == !defaults) {
                err.println("error: give a feed FILE or --defaults (one of them)");
                return 2;
            }
            List<FeedDefinition> feeds;
            try {
                feeds = defaults ? new FeedRegistryFile().readDefaults() : new FeedRegistryFile().read(file);
            } catch (FeedRegistryException e) {
                err.println("error: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("error: cannot read " + file + ": " + e.getMessage());
                return 1;
            }
            RaqibConfig config = options.load();
            try (KafkaConnection connection = KafkaConnection.open(config, KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED)) {
                connection.ensureTopics(List.of());
                List<String> removed = new FeedRegistry(connection.clients(), TIMEOUT).push(feeds, prune);
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "pushed %d feeds to raqib.feeds%n", feeds.size());
                removed.forEach(id -> out.println("removed " + id));
                return 0;
            } catch (IllegalStateException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
        }
    }

    /** {@code raqib feeds list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the feeds registered in raqib.feeds.")
    static final class ListFeeds implements Callable<Integer> {

        @Mixin
        CommonOptions options;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "One JSON object per line instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            RaqibConfig config = options.load();
            try (KafkaConnection connection = KafkaConnection.open(config, KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED)) {
                List<FeedDefinition> feeds = new FeedRegistry(connection.clients(), TIMEOUT).list();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    feeds.forEach(f -> out.println(Json.write(f)));
                    return 0;
                }
                out.printf(Locale.ROOT, "%-22s %-18s %6s %6s %-5s %s%n", "ID", "SOURCE", "MIN", "MAX", "FULL", "URL");
                for (FeedDefinition f : feeds) {
                    out.printf(Locale.ROOT, "%-22s %-18s %6s %6s %-5s %s%n", f.id(), f.source(), human(f.minInterval()),
                            human(f.maxInterval()), f.fullText() ? "yes" : "no", f.url());
                }
                return 0;
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 1;
            }
        }

        private static String human(Duration d) {
            long s = d.toSeconds();
            return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
        }
    }
}

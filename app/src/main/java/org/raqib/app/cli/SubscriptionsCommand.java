package org.raqib.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.raqib.alerts.subscriptions.FieldError;
import org.raqib.alerts.subscriptions.SubscriptionRegistry;
import org.raqib.alerts.subscriptions.SubscriptionValidator;
import org.raqib.app.KafkaConnection;
import org.raqib.core.json.Json;
import org.raqib.core.model.Subscription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code raqib subscriptions add|list|remove}: subscriptions in the compacted {@code raqib.subscriptions} topic,
 * written directly (no running alerts service needed; running ones pick changes up live). Exit codes: 0 done,
 * 1 no such subscription or Kafka unreachable, 2 invalid input.
 */
@Command(name = "subscriptions", mixinStandardHelpOptions = true,
        description = "Adds, lists or removes alert subscriptions (raqib.subscriptions).",
        subcommands = {SubscriptionsCommand.Add.class, SubscriptionsCommand.ListSubscriptions.class,
            SubscriptionsCommand.Remove.class})
public final class SubscriptionsCommand implements Runnable {

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens the registry and waits until every subscription is read; empty (with the error printed) when not. */
    private static Optional<SubscriptionRegistry> loaded(SubscriptionRegistry registry, PrintWriter err)
            throws InterruptedException {
        registry.start();
        if (!registry.awaitLoaded(LOAD_TIMEOUT)) {
            err.println("error: cannot read raqib.subscriptions within " + LOAD_TIMEOUT.toSeconds()
                    + "s; check --bootstrap-servers and that the topics exist ('raqib topics verify')");
            return Optional.empty();
        }
        return Optional.of(registry);
    }

    /** {@code raqib subscriptions add}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Creates or replaces a subscription; prints it as JSON (with its webhook secret).")
    static final class Add implements Callable<Integer> {

        @Mixin
        CommonOptions options;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--id", description = "Subscription id (default: generated).")
        String id;

        @Option(names = "--name", description = "Human name.")
        String name;

        @Option(names = "--owner", defaultValue = "admin", description = "Owning subscriber (default: admin).")
        String owner;

        @Option(names = "--rule", description = "Wanted rule id (repeatable).")
        List<String> rules = new ArrayList<>();

        @Option(names = "--entity", description = "Wanted entity id, e.g. LY (repeatable).")
        List<String> entities = new ArrayList<>();

        @Option(names = "--side", description = "Wanted side: libya, sahel, russia, external (repeatable).")
        List<String> sides = new ArrayList<>();

        @Option(names = "--source", description = "Wanted source (repeatable).")
        List<String> sources = new ArrayList<>();

        @Option(names = "--language", description = "Wanted language tag (repeatable).")
        List<String> languages = new ArrayList<>();

        @Option(names = "--storyline-only", description = "Only matches of the storyline rule.")
        boolean storylineOnly;

        @Option(names = "--min-score", defaultValue = "0", description = "Lowest rule score that counts, 0..1.")
        double minScore;

        @Option(names = "--min-severity", defaultValue = "low", description = "low, medium, high or critical.")
        String minSeverity;

        @Option(names = "--webhook", description = "Deliver by webhook to this URL (repeatable).")
        List<String> webhooks = new ArrayList<>();

        @Option(names = "--slack", description = "Post Slack-formatted alerts to this incoming-webhook URL (repeatable).")
        List<String> slack = new ArrayList<>();

        @Option(names = "--teams", description = "Post Teams-formatted alerts to this incoming-webhook URL (repeatable).")
        List<String> teams = new ArrayList<>();

        @Option(names = "--email", description = "Deliver by email to this address (repeatable).")
        List<String> emails = new ArrayList<>();

        @Option(names = "--sse", description = "Deliver on the live stream /api/alerts/stream.")
        boolean sse;

        @Option(names = "--atom", description = "Offer an Atom feed /api/subscriptions/{id}/feed.atom.")
        boolean atom;

        @Option(names = "--digest-every", description = "Email one digest per interval (ISO-8601, e.g. PT1H) instead of one mail per alert.")
        Duration digestEvery;

        @Option(names = "--max-per-hour", defaultValue = "0", description = "Most mails per hour; the rest fold into a digest (0: no cap).")
        int maxPerHour;

        @Option(names = "--secret", description = "Webhook signing secret (default: generated when --webhook is given).")
        String secret;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            List<Subscription.Channel> channels = new ArrayList<>();
            webhooks.forEach(url -> channels.add(new Subscription.Channel("webhook", url)));
            slack.forEach(url -> channels.add(new Subscription.Channel("slack", url)));
            teams.forEach(url -> channels.add(new Subscription.Channel("teams", url)));
            emails.forEach(address -> channels.add(new Subscription.Channel("email", address)));
            if (sse) {
                channels.add(new Subscription.Channel("sse", ""));
            }
            if (atom) {
                channels.add(new Subscription.Channel("atom", ""));
            }
            String signing = secret != null ? secret
                    : webhooks.isEmpty() ? "" : "whsec_" + UUID.randomUUID().toString().replace("-", "");
            Subscription subscription = new Subscription(
                    id != null ? id : "sub-" + UUID.randomUUID().toString().substring(0, 8), owner, name, rules,
                    entities, sides, storylineOnly, minScore, channels, sources, languages,
                    minSeverity.toLowerCase(Locale.ROOT), signing, digestEvery, maxPerHour);
            List<FieldError> problems = SubscriptionValidator.problems(subscription);
            if (!problems.isEmpty()) {
                problems.forEach(p -> err.println("error: " + p.field() + ": " + p.message()));
                return 2;
            }
            try (KafkaConnection connection = KafkaConnection.open(options.load(),
                    KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED);
                    SubscriptionRegistry registry = new SubscriptionRegistry(connection.clients().properties())) {
                registry.put(subscription);
            } catch (IllegalStateException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println(Json.write(subscription));
            return 0;
        }
    }

    /** {@code raqib subscriptions list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists subscriptions, one line each.")
    static final class ListSubscriptions implements Callable<Integer> {

        @Mixin
        CommonOptions options;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print each subscription as one JSON line.")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            try (KafkaConnection connection = KafkaConnection.open(options.load(),
                    KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED);
                    SubscriptionRegistry registry = new SubscriptionRegistry(connection.clients().properties())) {
                if (loaded(registry, spec.commandLine().getErr()).isEmpty()) {
                    return 1;
                }
                if (!json) {
                    out.printf(Locale.ROOT, "%-24s %-12s %-28s %s%n", "ID", "OWNER", "CHANNELS", "NAME");
                }
                for (Subscription s : registry.all()) {
                    if (json) {
                        out.println(Json.write(s));
                    } else {
                        String channels = String.join(",", s.channels().stream().map(Subscription.Channel::type).toList());
                        out.printf(Locale.ROOT, "%-24s %-12s %-28s %s%n", s.id(), s.owner(), channels, s.name());
                    }
                }
                return 0;
            }
        }
    }

    /** {@code raqib subscriptions remove ID}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a subscription.")
    static final class Remove implements Callable<Integer> {

        @Mixin
        CommonOptions options;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "Subscription id.")
        String id;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            try (KafkaConnection connection = KafkaConnection.open(options.load(),
                    KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED);
                    SubscriptionRegistry registry = new SubscriptionRegistry(connection.clients().properties())) {
                if (loaded(registry, err).isEmpty()) {
                    return 1;
                }
                if (registry.get(id).isEmpty()) {
                    err.println("error: no subscription " + id + "; see 'raqib subscriptions list'");
                    return 1;
                }
                registry.remove(id);
                spec.commandLine().getOut().println("removed " + id);
                return 0;
            }
        }
    }
}

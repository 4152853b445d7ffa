package org.raqib.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.raqib.alerts.AlertsService;
import org.raqib.app.KafkaConnection;
import org.raqib.app.RaqibApplication;
import org.raqib.app.demo.DemoInbox;
import org.raqib.core.corpus.CorpusReader;
import org.raqib.core.model.Article;
import org.raqib.ingest.registry.FeedRegistry;
import org.raqib.ingest.simulate.FeedSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code raqib demo}: the whole monitor, offline. A local feed simulator serves the bundled Arabic articles (a
 * SaudiNewsNet sample and paragraphs of the storyline's seed articles) as RSS/Atom feeds and releases new items
 * every few seconds; ingest polls them into Kafka, the topology matches them, and alerts appear on the API. A demo
 * subscriber ({@link DemoInbox}) is subscribed through the API and prints the signed webhooks and the mail it gets.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole monitor offline on bundled Arabic articles: the embedded Kafka broker, a local"
                + " feed simulator, ingest, streams and alerts. Alerts appear at http://localhost:8080/api/alerts"
                + " within a minute.", "Stop with Ctrl-C."})
public final class DemoCommand implements Callable<Integer> {

    static final String SAMPLE = "/org/raqib/app/demo/articles.jsonl";

    @Mixin
    CommonOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--feeds-port", defaultValue = "8089", paramLabel = "PORT",
            description = "Port of the local feed simulator (default: ${DEFAULT-VALUE}).")
    int feedsPort;

    @Option(names = "--webhook-port", defaultValue = "8090", paramLabel = "PORT",
            description = "Port of the demo subscriber's webhook receiver (default: ${DEFAULT-VALUE}).")
    int webhookPort;

    @Option(names = "--smtp-port", defaultValue = "2525", paramLabel = "PORT",
            description = "Port of the demo's mail server, which takes the demo subscriber's email"
                    + " (default: ${DEFAULT-VALUE}).")
    int smtpPort;

    @Option(names = "--rate", defaultValue = "20", paramLabel = "N",
            description = "New items the simulator releases per minute (default: ${DEFAULT-VALUE}).")
    double rate;

    @Override
    public Integer call() throws Exception {
        if (rate <= 0 || rate > 6000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rate must be between 0 and 6000");
        }
        PrintWriter out = spec.commandLine().getOut();
        DemoInbox inbox = new DemoInbox(out, webhookPort, smtpPort);
        Map<String, String> settings = new HashMap<>(inbox.alertsSettings());
        // Every simulated outlet is a loopback host of the demo's own (127.0.0.2, 127.0.0.3, ...): the politeness delay
        // meant for real sites would only slow the first full-text fetches, so the demo lowers it for its server.
        settings.put("ingest.perHostDelay", "50ms");
        settings.put("ingest.perHostConcurrency", "8");
        try {
            return ServiceRunner.run(options.load(settings), RaqibApplication.all(),
                    KafkaConnection.WhenUnconfigured.START_EMBEDDED, (kafka, app) -> {
                        FeedSimulator simulator = new FeedSimulator(sample(), feedsPort, rate, java.time.Clock.systemUTC(), 4);
                        AlertsService alerts = app.alerts().orElseThrow();
                        inbox.subscribe(URI.create("http://127.0.0.1:" + alerts.port()), alerts.adminToken(),
                                Duration.ofSeconds(60));
                        new FeedRegistry(kafka.clients(), Duration.ofSeconds(30))
                                .push(simulator.feeds(Duration.ofSeconds(2), Duration.ofSeconds(10)), false);
                        banner(out, kafka, app, simulator, inbox);
                        return () -> {
                            simulator.close();
                            inbox.close();
                        };
                    });
        } catch (Exception e) {
            inbox.close();
            throw e;
        }
    }

    /** The bundled articles. */
    static List<Article> sample() {
        try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the demo sample " + SAMPLE + " is missing from the jar");
            }
            CorpusReader.Collected collected = new CorpusReader.Collected();
            new CorpusReader().readJsonLines(in, "articles.jsonl", collected);
            return collected.articles();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo sample", e);
        }
    }

    private static void banner(PrintWriter out, KafkaConnection kafka, RaqibApplication app, FeedSimulator simulator,
            DemoInbox inbox) {
        int port = app.alerts().orElseThrow().port();
        String token = app.alerts().orElseThrow().adminToken();
        out.println();
        out.println("Raqib demo is running.");
        out.println("  Kafka:           " + kafka.clients().bootstrapServers()
                + (kafka.embedded() ? " (embedded broker)" : ""));
        out.println("  Feed simulator:  " + simulator.baseUrl() + " (" + simulator.sources().size()
                + " sources, each on a loopback address of its own)");
        out.println("  Admin token:     " + token + " (also in the admin token file)");
        out.println("  Alerts:          curl -H 'Authorization: Bearer " + token + "' 'http://localhost:" + port
                + "/api/alerts?limit=5'");
        out.println("  Live stream:     curl -N -H 'Authorization: Bearer " + token + "' http://localhost:" + port
                + "/api/alerts/stream");
        out.println("  Rules:           curl -H 'Authorization: Bearer " + token + "' http://localhost:" + port
                + "/api/rules");
        out.println("  Metrics:         http://localhost:" + port + "/metrics");
        out.println("  Subscriber:      '" + DemoInbox.SUBSCRIPTION_ID + "' gets signed webhooks at " + inbox.webhookUrl()
                + " and email at " + DemoInbox.MAILBOX + " (the demo's mail server, SMTP port " + inbox.smtpPort()
                + "); each arrival is printed below.");
        out.println("Stop with Ctrl-C.");
        out.flush();
    }
}

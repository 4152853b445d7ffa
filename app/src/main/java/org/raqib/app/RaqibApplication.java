package org.raqib.app;

import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.raqib.alerts.AlertsService;
import org.raqib.alerts.http.AccessTokens;
import org.raqib.alerts.http.Readiness;
import org.raqib.app.http.MetricsRoute;
import org.raqib.app.http.QueryRoutes;
import org.raqib.app.http.RuleRoutes;
import org.raqib.app.http.StreamsHttpServer;
import org.raqib.core.config.RaqibConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.state.HostInfo;
import org.raqib.core.metrics.ConsumerLag;
import org.raqib.core.metrics.ConsumerLagMeter;
import org.raqib.core.metrics.HealthCheck;
import org.raqib.core.metrics.Metrics;
import org.raqib.core.metrics.OpsHttpServer;
import org.raqib.ingest.poll.IngestPipeline;
import org.raqib.streams.backtest.BacktestEngine;
import org.raqib.streams.backtest.RuleTrial;
import org.raqib.streams.query.AdvertisedAddress;
import org.raqib.streams.query.ClusterQueries;
import org.raqib.streams.query.PeerClient;
import org.raqib.streams.query.Placement;
import org.raqib.streams.rules.DefaultRules;
import org.raqib.streams.rules.RuleBook;
import org.raqib.streams.rules.RuleTopic;
import org.raqib.streams.rules.TokenAnalysis;
import org.raqib.streams.topology.GazetteerRecognition;
import org.raqib.streams.topology.PipelineQueries;
import org.raqib.streams.topology.RaqibTopology;
import org.raqib.streams.topology.StreamsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the only place that creates Raqib's services, in dependency order, and closes them in
 * reverse order. Each service gets its own settings and collaborators; nothing is static.
 */
public final class RaqibApplication implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RaqibApplication.class);

    /** The services one process can run. */
    public enum Service { INGEST, STREAMS, ALERTS }

    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private final PrometheusMeterRegistry registry;
    private final Set<Service> services;
    private StreamsService streams;
    private StreamsHttpServer streamsHttp;
    private AlertsService alerts;
    private IngestPipeline ingest;
    private Admin admin;
    private long kafkaCheckedAt;
    private String kafkaStatus;

    private RaqibApplication(PrometheusMeterRegistry registry, Set<Service> services) {
        this.registry = registry;
        this.services = Set.copyOf(services);
        open.push(registry::close);
    }

    /**
     * Starts {@code services} against {@code kafka} (whose topics it ensures first). On failure everything started
     * so far is closed again before the exception propagates.
     */
    public static RaqibApplication start(RaqibConfig config, KafkaConnection kafka, Set<Service> services, Clock clock) {
        Objects.requireNonNull(config, "config");
        String name = services.size() == 1 ? services.iterator().next().name().toLowerCase(Locale.ROOT) : "raqib";
        RaqibApplication app = new RaqibApplication(Metrics.prometheus(name), services);
        try {
            kafka.ensureTopics(List.of());
            // The HTTP server listens before Kafka Streams starts: the instance advertises the server's port.
            QueryRoutes queries = services.contains(Service.STREAMS) ? new QueryRoutes() : null;
            if (services.contains(Service.ALERTS)) {
                app.startAlerts(config, kafka, clock, queries);
            }
            if (queries != null) {
                app.startStreams(config, kafka, clock, queries);
            }
            if (services.contains(Service.INGEST)) {
                app.startIngest(config, kafka, clock);
            }
            app.startOps(config, kafka);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** Every service, for {@code raqib run} and {@code raqib demo}. */
    public static Set<Service> all() {
        return EnumSet.allOf(Service.class);
    }

    /**
     * Starts the Kafka Streams instance. Its queries are served by the alerts API when this process runs it, else by
     * a server of its own on {@code streams.httpPort}; either way the instance advertises that server's address so
     * that every instance answers queries for the whole application.
     */
    private void startStreams(RaqibConfig config, KafkaConnection kafka, Clock clock, QueryRoutes queries) {
        TokenAnalysis analysis = TokenAnalysis.standard();
        seedDefaultRules(new RuleTopic(kafka.clients().properties()));
        RuleBook rules = new RuleBook(analysis, List.of());
        RaqibTopology topology = new RaqibTopology(GazetteerRecognition.standard(), rules, config.streams(), clock, registry);
        String bindAddress = config.alerts().bindAddress();
        int port;
        if (alerts != null) {
            port = alerts.port();
        } else {
            AccessTokens tokens = AccessTokens.fromFile(Path.of(config.alerts().adminTokenFile()),
                    config.alerts().subscriberTokens());
            streamsHttp = new StreamsHttpServer(bindAddress, config.streams().httpPort(), tokens, this::health,
                    List.of(MetricsRoute.of(registry), queries.plugin()));
            open.push(streamsHttp);
            port = streamsHttp.start().port();
        }
        HostInfo self = AdvertisedAddress.resolve(config.streams().advertisedAddress(), bindAddress, port);
        streams = new StreamsService(topology.build(), kafka.clients().properties(), config.streams(), config.topics(),
                registry, self).start();
        open.push(streams);
        PeerClient peers = new PeerClient(config.streams().queryTimeout());
        open.push(peers);
        queries.serve(new ClusterQueries(Placement.of(streams.streams()), self, PipelineQueries.of(streams.streams()),
                peers));
        log.info("Kafka Streams instance advertises {}:{} for queries", self.host(), self.port());
    }

    /** The default rule pack goes to {@code raqib.rules} when the topic has no rules yet, so a new install matches. */
    private static void seedDefaultRules(RuleTopic topic) {
        if (topic.readAll(Duration.ofSeconds(30)).isEmpty()) {
            List<org.raqib.core.model.Rule> pack = DefaultRules.load();
            topic.write(pack);
            log.info("raqib.rules was empty: pushed the default storyline rule pack ({} rules)", pack.size());
        }
    }

    /** Starts the alerts service, whose API also carries {@code queries} when this process runs streams. */
    private void startAlerts(RaqibConfig config, KafkaConnection kafka, Clock clock, QueryRoutes queries) {
        List<Consumer<JavalinConfig>> plugins = new ArrayList<>();
        plugins.add(MetricsRoute.of(registry));
        TokenAnalysis analysis = TokenAnalysis.standard();
        RuleTrial trial = new RuleTrial(() -> new BacktestEngine(GazetteerRecognition.standard(),
                () -> new RuleBook(analysis, List.of()), config.streams()), kafka.clients().properties(), clock,
                RuleTrial.DEFAULT_ARTICLE_LIMIT);
        plugins.add(new RuleRoutes(new RuleTopic(kafka.clients().properties()), analysis, trial).plugin());
        if (queries != null) {
            plugins.add(queries.plugin());
        }
        alerts = new AlertsService(config.alerts(), kafka.clients().properties(), registry, clock, plugins,
                this::readiness);
        alerts.start();
        open.push(alerts);
    }

    private void startIngest(RaqibConfig config, KafkaConnection kafka, Clock clock) {
        ingest = new IngestPipeline(config.ingest(), kafka.clients(), registry, clock);
        try {
            ingest.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ingest.feedsFile: " + e.getMessage(), e);
        }
        open.push(ingest);
    }

    /**
     * Consumer lag of Raqib's groups as meters, and, for a process without an HTTP server of its own (a lone
     * {@code ingest}), a small server for {@code /metrics} and the health probes on the service's own port.
     */
    private void startOps(RaqibConfig config, KafkaConnection kafka) {
        Admin admin = kafka.admin();
        open.push(admin);
        this.admin = admin;
        ConsumerLagMeter lag = new ConsumerLagMeter(new ConsumerLag(admin, 15_000), ConsumerLag.groupsOf(config),
                registry, Duration.ofSeconds(10));
        lag.start();
        open.push(lag);
        if (alerts == null && streamsHttp == null) {
            OpsHttpServer ops = new OpsHttpServer(config.alerts().bindAddress(), config.ingest().httpPort(), registry,
                    this::health);
            open.push(ops);
        }
    }

    /** Ready when Kafka answers (topics were verified at start) and every started service is. */
    Readiness readiness() {
        String kafkaProblem = kafkaProblem();
        if (kafkaProblem != null) {
            return Readiness.notReady(kafkaProblem);
        }
        if (services.contains(Service.STREAMS) && streams == null) {
            return Readiness.notReady("Kafka Streams is starting");
        }
        if (streams != null && !streams.running()) {
            return Readiness.notReady("Kafka Streams is " + streams.state());
        }
        return Readiness.ok();
    }

    private HealthCheck.Status health() {
        Readiness r = readiness();
        return r.ready() ? HealthCheck.Status.up() : HealthCheck.Status.down(r.reason());
    }

    /** Asks the cluster for its brokers at most every five seconds; null when it answered. */
    private synchronized String kafkaProblem() {
        if (admin == null) {
            return null;
        }
        long now = System.nanoTime();
        if (now - kafkaCheckedAt > 5_000_000_000L || kafkaCheckedAt == 0) {
            kafkaCheckedAt = now;
            try {
                admin.describeCluster(new org.apache.kafka.clients.admin.DescribeClusterOptions().timeoutMs(2_000))
                        .nodes().get(3, java.util.concurrent.TimeUnit.SECONDS);
                kafkaStatus = null;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                kafkaStatus = "Kafka does not answer: " + (e.getCause() == null ? e : e.getCause()).getMessage();
            }
        }
        return kafkaStatus;
    }

    /** The registry every service reports to. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The alerts service, when this process runs it. */
    public Optional<AlertsService> alerts() {
        return Optional.ofNullable(alerts);
    }

    /** The streams service, when this process runs it. */
    public Optional<StreamsService> streams() {
        return Optional.ofNullable(streams);
    }

    /**
     * The port of the streams service's own HTTP server (metrics, health, queries), when this process runs streams
     * without the alerts API; with it, the queries are on the alerts API's port.
     */
    public OptionalInt streamsHttpPort() {
        return streamsHttp == null ? OptionalInt.empty() : OptionalInt.of(streamsHttp.port());
    }

    /** The ingest pipeline, when this process runs it. */
    public Optional<IngestPipeline> ingest() {
        return Optional.ofNullable(ingest);
    }

    /** Closes the services in reverse order of start. */
    @Override
    public void close() {
        while (!open.isEmpty()) {
            AutoCloseable closeable = open.pop();
            try {
                closeable.close();
            } catch (Exception e) {
                // Keep closing the rest: one failing close must not leave the broker or other services running.
                log.warn("Closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
            }
        }
    }
}

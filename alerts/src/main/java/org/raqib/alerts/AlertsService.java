package org.raqib.alerts;

import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.raqib.alerts.delivery.AlertDispatcher;
import org.raqib.alerts.delivery.DeliveryChannel;
import org.raqib.alerts.delivery.DeliveryLedger;
import org.raqib.alerts.delivery.RetryPolicy;
import org.raqib.alerts.delivery.email.EmailChannel;
import org.raqib.alerts.delivery.webhook.AddressGuard;
import org.raqib.alerts.delivery.webhook.ChatPresetChannel;
import org.raqib.alerts.delivery.DestinationLimiter;
import org.raqib.alerts.delivery.webhook.HttpPoster;
import org.raqib.alerts.delivery.webhook.WebhookChannel;
import org.raqib.alerts.fanout.AlertFanout;
import org.raqib.alerts.history.AlertHistory;
import org.raqib.alerts.history.TopicReplay;
import org.raqib.alerts.http.AccessTokens;
import org.raqib.alerts.http.AlertsHttpServer;
import org.raqib.alerts.http.Readiness;
import org.raqib.alerts.subscriptions.BuiltinSubscription;
import org.raqib.alerts.subscriptions.SubscriptionRegistry;
import org.raqib.core.config.AlertsSettings;
import org.raqib.core.kafka.Topics;
import org.raqib.core.metrics.MeterNames;
import org.raqib.core.model.Alert;
import org.raqib.core.model.PendingDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service: the subscriptions view, the fan-out of {@code raqib.matches} into {@code raqib.alerts}, the
 * delivery of alerts by webhook and email (dispatcher and ledger over {@code raqib.alerts.retry}), the alert
 * history view, and the HTTP API, started and closed together. The composition root creates it with the
 * Kafka client properties (bootstrap servers plus pass-through), calls {@link #start()}, and closes it at
 * shutdown. Topics must exist (the app's topic step creates them).
 */
public final class AlertsService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertsService.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration ATTEMPTS_BATCHING = Duration.ofMillis(500);

    private final AlertsSettings settings;
    private final AccessTokens tokens;
    private final AlertHistory history;
    private final TopicReplay<String, Alert> alertsReplay;
    private final SubscriptionRegistry subscriptions;
    private final AlertFanout fanout;
    private final TopicReplay<String, PendingDelivery> deliveriesReplay;
    private final AlertDispatcher dispatcher;
    private final DeliveryLedger ledger;
    private final AlertsHttpServer http;
    private final Thread starter;

    /**
     * The service with default collaborators: the system clock, no extra routes, and readiness from its own views.
     *
     * @param settings {@code alerts.*} settings
     * @param kafka Kafka client properties: bootstrap servers and pass-through (TLS, SASL)
     * @param registry where meters go
     */
    public AlertsService(AlertsSettings settings, Map<String, Object> kafka, MeterRegistry registry) {
        this(settings, kafka, registry, Clock.systemUTC(), List.of(), Readiness::ok);
    }

    /**
     * The service.
     *
     * @param settings {@code alerts.*} settings
     * @param kafka Kafka client properties: bootstrap servers and pass-through (TLS, SASL)
     * @param registry where meters go
     * @param clock time of alerts
     * @param plugins more HTTP routes (metrics, rules), applied to the Javalin configuration in order
     * @param readiness the rest of the process's readiness; {@code /health/ready} is ready when it and this
     *     service's views are
     */
    public AlertsService(AlertsSettings settings, Map<String, Object> kafka, MeterRegistry registry, Clock clock,
            List<Consumer<JavalinConfig>> plugins, Supplier<Readiness> readiness) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(readiness, "readiness");
        this.tokens = AccessTokens.fromFile(Path.of(settings.adminTokenFile()), settings.subscriberTokens());
        this.history = new AlertHistory(settings.historySize());
        // Alerts are read as they come: a batched fetch hands on several partitions' records at once, partition by
        // partition, which would put the history's newest-first order out of time order.
        this.alertsReplay = new TopicReplay<>(Topics.ALERTS, kafka, (partition, offset, id, alert) -> {
            if (alert != null) {
                history.add(partition, offset, alert);
            }
        });
        this.subscriptions = new SubscriptionRegistry(kafka);
        this.fanout = new AlertFanout(settings, kafka, subscriptions, registry, clock);
        // The delivery attempts the history shows may lag by half a second: three records per delivery (pending,
        // outcome, tombstone) each cost a fetch when read as they came.
        this.deliveriesReplay = new TopicReplay<>(Topics.ALERT_RETRIES, kafka, ATTEMPTS_BATCHING,
                (partition, offset, key, delivery) -> {
                    if (delivery != null) {
                        history.recordAttempts(delivery.alert().id(), key, delivery.attempts());
                    }
                });
        this.dispatcher = new AlertDispatcher(settings, kafka, subscriptions, registry, clock);
        ExecutorService senders = Executors.newCachedThreadPool(named("raqib-alerts-send-"));
        // One client and one limit for webhooks and chat presets alike: a destination's connections are shared. The
        // SMTP server is one more destination under the same limit.
        DestinationLimiter limiter = new DestinationLimiter(settings.requestsPerDestination(), senders);
        Gauge.builder(MeterNames.ALERTS_REQUESTS_WAITING, limiter, DestinationLimiter::waiting)
                .description("Webhook, chat and email requests waiting for their turn at their destination "
                        + "(alerts.requestsPerDestination at a time each)")
                .register(registry);
        HttpPoster poster = new HttpPoster(settings.deliveryTimeout(), limiter, senders);
        AddressGuard guard = new AddressGuard(settings.allowPrivateAddresses());
        List<DeliveryChannel> channels = List.of(
                new WebhookChannel(guard, settings.deliveryTimeout(), clock, poster),
                new ChatPresetChannel("slack", guard, settings.deliveryTimeout(), poster),
                new ChatPresetChannel("teams", guard, settings.deliveryTimeout(), poster),
                new EmailChannel(settings.email(), settings.publicUrl(), settings.deliveryTimeout(), limiter));
        RetryPolicy policy = new RetryPolicy(settings.retryFirstDelay(), settings.retryMaxDelay(), settings.retryFor(),
                new SplittableRandom()::nextDouble);
        this.ledger = new DeliveryLedger(settings, kafka, subscriptions, channels, policy, registry, clock, senders);
        Supplier<Readiness> combined = () -> {
            if (!subscriptions.loaded()) {
                return Readiness.notReady("still reading raqib.subscriptions");
            }
            if (!alertsReplay.caughtUp()) {
                return Readiness.notReady("still reading the alert history from raqib.alerts");
            }
            return readiness.get();
        };
        this.http = new AlertsHttpServer(settings, tokens, history, subscriptions, combined, plugins, registry, clock);
        this.starter = new Thread(this::startFanout, "raqib-alerts-start");
        this.starter.setDaemon(true);
    }

    /** Starts reading the topics and serving HTTP; fan-out begins once the subscriptions are read. */
    public void start() {
        subscriptions.start();
        alertsReplay.start();
        deliveriesReplay.start();
        http.start();
        starter.start();
    }

    /** The port of the HTTP API, once started. */
    public int port() {
        return http.port();
    }

    /** The admin bearer token, for the demo to print. */
    public String adminToken() {
        return tokens.adminToken();
    }

    /** The alert history view (for tests and for channels that record delivery attempts). */
    public AlertHistory history() {
        return history;
    }

    /** The subscriptions view. */
    public SubscriptionRegistry subscriptions() {
        return subscriptions;
    }

    /** The delivery ledger (for tests: how many deliveries this instance owes). */
    public DeliveryLedger ledger() {
        return ledger;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void startFanout() {
        try {
            if (!subscriptions.awaitLoaded(LOAD_TIMEOUT)) {
                log.warn("raqib.subscriptions not read after {}; is Kafka reachable?", LOAD_TIMEOUT);
            } else if (settings.builtinSubscription() && subscriptions.all().isEmpty()) {
                subscriptions.put(BuiltinSubscription.allStoryline());
                log.info("No subscriptions yet: created the built-in subscription {}", BuiltinSubscription.ID);
            }
            fanout.start();
            dispatcher.start();
            ledger.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            log.error("Cannot create the built-in subscription; starting the fan-out without it", e);
            fanout.start();
            dispatcher.start();
            ledger.start();
        }
    }

    /** Stops serving and consuming, in reverse order of start. */
    @Override
    public void close() {
        starter.interrupt();
        http.close();
        fanout.close();
        dispatcher.close();
        ledger.close();
        deliveriesReplay.close();
        alertsReplay.close();
        subscriptions.close();
    }
}

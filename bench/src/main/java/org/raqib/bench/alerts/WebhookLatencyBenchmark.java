package org.raqib.bench.alerts;

import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.raqib.alerts.AlertsService;
import org.raqib.alerts.fanout.AlertIds;
import org.raqib.core.config.AlertsSettings;
import org.raqib.core.config.EmailSettings;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Match;
import org.raqib.core.model.Mention;
import org.raqib.core.model.RuleHit;
import org.raqib.core.model.Subscription;

/**
 * The latency from a match on {@code raqib.matches} to a webhook receiver on loopback, through the real
 * {@link AlertsService}: fan-out to {@code raqib.alerts}, dispatch to {@code raqib.alerts.retry}, the delivery
 * ledger and the webhook channel (CloudEvents body, Standard Webhooks signature) posting to a Javalin receiver in
 * this JVM, which answers 204 without checking signatures.
 *
 * <p>It creates {@code subscriptions} webhook subscriptions that want only this run's matches (they name a rule
 * unique to the run, so an earlier run's matches or other subscribers' matches are not theirs, and the run's
 * matches are in no storyline), sends one probe match and waits until it arrives (the consumers have joined),
 * then produces matches at a fixed rate for the warm-up and the measured period, and waits for the stragglers.
 * Latency is measured from just before each match is handed to the producer — the instant that is also the
 * record's timestamp — to the receiver reading the request, for the alerts of the measured period only; each
 * match gives one alert per subscription. The topics must exist. The run's subscriptions are removed at the end;
 * still, run it against a cluster of its own: every alerts service reading {@code raqib.matches} fans its matches
 * out.
 */
public final class WebhookLatencyBenchmark {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    /**
     * What to run.
     *
     * @param subscriptions webhook subscriptions, each wanting every match of the run
     * @param matchesPerSecond the fixed rate of matches; alerts per second is this times {@code subscriptions}
     * @param warmup how long to produce before measuring
     * @param duration how long to measure
     * @param drain how long to wait at most, after the last match, for its webhooks
     */
    public record Options(int subscriptions, double matchesPerSecond, Duration warmup, Duration duration,
            Duration drain) {

        public Options {
            if (subscriptions < 1) {
                throw new IllegalArgumentException("subscriptions must be at least 1, not " + subscriptions);
            }
            if (!(matchesPerSecond > 0)) {
                throw new IllegalArgumentException("matchesPerSecond must be positive, not " + matchesPerSecond);
            }
            Objects.requireNonNull(warmup, "warmup");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(drain, "drain");
        }

        /** One subscription, 100 matches per second (so 100 alerts per second), 10 s warm-up, 60 s measured. */
        public static Options defaults() {
            return new Options(1, 100, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30));
        }
    }

    /**
     * What it measured, over the alerts of the measured period.
     *
     * @param sent alerts owed: matches produced in the measured period times subscriptions
     * @param received of those, how many reached the receiver
     * @param duplicates further deliveries of an alert already received (at-least-once retries)
     * @param latenciesMillis each received alert's latency in milliseconds, ascending
     * @param elapsed the measured period as produced
     * @param cpu CPU time of this whole process (alerts service, receiver, producer and a broker running in it) from
     *     the start of the measured period until its last alert arrived or the drain period ended
     * @param brokerRequests requests the broker handled meanwhile, by API, when it runs in this process; else empty
     */
    public record Result(long sent, long received, long duplicates, double[] latenciesMillis, Duration elapsed,
            Duration cpu, Map<String, Long> brokerRequests) {

        public Result {
            brokerRequests = Map.copyOf(brokerRequests);
        }

        /** Alerts owed but not received when the drain period ended. */
        public long missing() {
            return sent - received;
        }

        /** The {@code q}-quantile of the latencies (nearest rank), in milliseconds; 0 without any. */
        public double percentile(double q) {
            if (latenciesMillis.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(q * latenciesMillis.length);
            return latenciesMillis[Math.min(latenciesMillis.length - 1, Math.max(0, rank - 1))];
        }

        /** The highest latency, in milliseconds. */
        public double max() {
            return percentile(1.0);
        }

        /** Alerts owed per second of the measured period. */
        public double alertsPerSecond() {
            return sent / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }

        /** CPU seconds of the process per 1,000 alerts owed. */
        public double cpuSecondsPer1000Alerts() {
            return sent == 0 ? 0 : cpu.toNanos() / 1e9 / sent * 1000;
        }

        /**
         * Broker requests per alert owed, all APIs together (the broker's {@code FetchConsumer} and
         * {@code FetchFollower} meters count a subset of {@code Fetch} again and are left out); 0 when the broker is
         * not in this process.
         */
        public double brokerRequestsPerAlert() {
            long requests = brokerRequests.entrySet().stream()
                    .filter(e -> !e.getKey().equals("FetchConsumer") && !e.getKey().equals("FetchFollower"))
                    .mapToLong(Map.Entry::getValue).sum();
            return sent == 0 ? 0 : requests / (double) sent;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "sent=%d received=%d missing=%d duplicates=%d alerts_per_s=%.1f p50_ms=%.1f p95_ms=%.1f"
                            + " p99_ms=%.1f max_ms=%.1f cpu_s_per_1000_alerts=%.2f broker_requests_per_alert=%.2f",
                    sent, received, missing(), duplicates, alertsPerSecond(), percentile(0.50), percentile(0.95),
                    percentile(0.99), max(), cpuSecondsPer1000Alerts(), brokerRequestsPerAlert());
        }
    }

    private final Map<String, Object> kafka;
    private final Path workDir;

    /**
     * A benchmark against the cluster of {@code kafka} (bootstrap servers and pass-through properties); the alerts
     * service keeps its admin token in {@code workDir}.
     */
    public WebhookLatencyBenchmark(Map<String, Object> kafka, Path workDir) {
        this.kafka = Map.copyOf(kafka);
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /** Runs it; returns when the drain period is over or every alert has arrived. */
    public Result run(Options options) throws InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String rule = "bench-latency-" + run;
        // Alert id -> System.nanoTime() just before its match was sent; only alerts of the measured period.
        Map<String, Long> owed = new ConcurrentHashMap<>();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        AtomicLong duplicates = new AtomicLong();
        Javalin receiver = Javalin.create(config -> config.showJavalinBanner = false)
                .post("/hook", ctx -> {
                    long now = System.nanoTime();
                    String id = ctx.header("webhook-id");
                    if (id != null) {
                        if (seen.putIfAbsent(id, Boolean.TRUE) != null) {
                            duplicates.incrementAndGet();
                        } else if (owed.containsKey(id)) {
                            arrived.put(id, now);
                        }
                    }
                    ctx.status(204);
                })
                .start("127.0.0.1", 0);
        List<String> subscriptionIds = new ArrayList<>();
        for (int i = 0; i < options.subscriptions(); i++) {
            subscriptionIds.add(String.format(Locale.ROOT, "bench-%s-%04d", run, i));
        }
        String target = "http://127.0.0.1:" + receiver.port() + "/hook";
        try (AlertsService service = new AlertsService(settings(run), kafka, new SimpleMeterRegistry());
                KafkaProducer<byte[], Match> producer = producer()) {
            service.start();
            if (!service.subscriptions().awaitLoaded(READY_TIMEOUT)) {
                throw new IllegalStateException("raqib.subscriptions was not read within " + READY_TIMEOUT
                        + "; is Kafka reachable at " + kafka.get("bootstrap.servers") + "?");
            }
            for (String id : subscriptionIds) {
                service.subscriptions().put(new Subscription(id, "bench", id, List.of(rule), List.of(), List.of(),
                        false, 0, List.of(new Subscription.Channel("webhook", target)), List.of(), List.of(), "low",
                        "", null, 0));
            }
            try {
                awaitProbe(producer, rule, run, subscriptionIds.get(0), seen);
                long period = (long) (1e9 / options.matchesPerSecond());
                produce(producer, rule, run + "-w", options.warmup(), period, subscriptionIds, null);
                Map<String, Long> requestsBefore = BrokerRequests.snapshot();
                Duration cpuBefore = processCpu();
                long started = System.nanoTime();
                long matches = produce(producer, rule, run + "-m", options.duration(), period, subscriptionIds, owed);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                long drainUntil = System.nanoTime() + options.drain().toNanos();
                while (arrived.size() < owed.size() && System.nanoTime() < drainUntil) {
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                Duration cpu = processCpu().minus(cpuBefore);
                Map<String, Long> requests = BrokerRequests.between(requestsBefore, BrokerRequests.snapshot());
                double[] latencies = arrived.entrySet().stream()
                        .mapToDouble(e -> (e.getValue() - owed.get(e.getKey())) / 1e6).sorted().toArray();
                return new Result(matches * subscriptionIds.size(), latencies.length, duplicates.get(), latencies,
                        elapsed, cpu, requests);
            } finally {
                for (String id : subscriptionIds) {
                    service.subscriptions().remove(id);
                }
            }
        } finally {
            receiver.stop();
        }
    }

    /** CPU time of this process so far, threads that have ended included (the JDK HTTP client starts many). */
    private static Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this platform does not report process CPU time"));
    }

    /** Sends one match and waits for its first alert, so the fan-out, dispatcher and ledger are running. */
    private static void awaitProbe(KafkaProducer<byte[], Match> producer, String rule, String run,
            String subscriptionId, Map<String, Boolean> seen) throws InterruptedException {
        String articleId = "bench-" + run + "-probe";
        producer.send(record(articleId, rule, System.currentTimeMillis()));
        producer.flush();
        String alertId = AlertIds.of(articleId, subscriptionId);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!seen.containsKey(alertId)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the probe match's webhook did not arrive within " + READY_TIMEOUT
                        + "; the alerts service's consumers did not start");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /**
     * Produces one match every {@code period} nanoseconds for {@code length} (late ticks are sent at once, so the
     * rate holds on average); records the alerts each owes in {@code owed} unless it is null; returns the count.
     */
    private static long produce(KafkaProducer<byte[], Match> producer, String rule, String prefix, Duration length,
            long period, List<String> subscriptionIds, Map<String, Long> owed) {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long n = 0;
        for (long due = start; due < end; due = start + n * period) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String articleId = String.format(Locale.ROOT, "bench-%s-%07d", prefix, n);
            long sentAt = System.nanoTime();
            if (owed != null) {
                for (String subscriptionId : subscriptionIds) {
                    owed.put(AlertIds.of(articleId, subscriptionId), sentAt);
                }
            }
            producer.send(record(articleId, rule, System.currentTimeMillis()));
            n++;
        }
        producer.flush();
        return n;
    }

    private static ProducerRecord<byte[], Match> record(String articleId, String rule, long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        EntityHit libya = new EntityHit("LY", "Libya", "libya", "country",
                List.of(new Mention("title", 0, 5, "ليبيا", 1.0, "alias")));
        Match match = new Match(articleId, "story-" + articleId, true, "bench", "feed-bench",
                "https://example.org/" + articleId, "ليبيا: اجتماع في طرابلس", "ar", now, now, now, List.of(libya),
                List.of(new RuleHit(rule, rule, "high", 1.0, List.of("LY"))), false, "اجتماع في طرابلس");
        return new ProducerRecord<>(Topics.MATCHES.name(), null, timestamp,
                articleId.getBytes(StandardCharsets.UTF_8), match);
    }

    private KafkaProducer<byte[], Match> producer() {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "raqib-bench-matches");
        return new KafkaProducer<>(props, new ByteArraySerializer(),
                Topics.MATCHES.valueSerde().serializer());
    }

    /**
     * The alerts settings of a run: HTTP on a free loopback port, a consumer group of its own, private addresses
     * allowed (the receiver is on loopback), no built-in subscription, no SMTP.
     */
    private AlertsSettings settings(String run) {
        Path token = workDir.resolve("admin.token");
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workDir, e);
        }
        return new AlertsSettings(0, "127.0.0.1", token.toString(), Map.of(), "raqib-bench-alerts-" + run, 1000,
                Duration.ofSeconds(15), 1000, false, true, true, Duration.ofSeconds(10), 8, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMinutes(2), "http://127.0.0.1",
                new EmailSettings("127.0.0.1", 1, "none", "", "", "raqib@example.org"));
    }
}

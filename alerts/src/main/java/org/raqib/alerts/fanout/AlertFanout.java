package org.raqib.alerts.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.raqib.alerts.subscriptions.SubscriptionFilter;
import org.raqib.alerts.subscriptions.SubscriptionIndex;
import org.raqib.alerts.subscriptions.SubscriptionRegistry;
import org.raqib.alerts.ConsumerThread;
import org.raqib.alerts.OffsetCommits;
import org.raqib.core.config.AlertsSettings;
import org.raqib.core.json.Json;
import org.raqib.core.kafka.Topics;
import org.raqib.core.metrics.ClientMeters;
import org.raqib.core.metrics.MeterNames;
import org.raqib.core.model.Alert;
import org.raqib.core.model.DeadLetter;
import org.raqib.core.model.Match;
import org.raqib.core.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code raqib.matches} in the consumer group {@code alerts.groupId} and writes, for each match and each
 * subscription that wants it, one {@link Alert} to {@code raqib.alerts}.
 *
 * <p>A plain consumer rather than Kafka Streams: the work is stateless per match (the topology already marks
 * later copies of a story with {@code firstInStory=false}, which becomes {@code kind: "also-reported"}), and
 * subscriptions come from {@link SubscriptionRegistry}, which every instance reads whole — a hand-made global
 * table that the HTTP API also writes through. Delivery to {@code raqib.alerts} is at-least-once: offsets are
 * committed only after the alerts of a batch are acknowledged (once a second, see {@link OffsetCommits}), and
 * because alert ids are stable ({@link AlertIds}) a batch written twice after a crash yields duplicates with the
 * same id, which the history and receivers drop. Undecodable matches go to {@code raqib.dlq}.
 *
 * <p>Since the topology decides {@code firstInStory} for the story as a whole, a subscriber whose filters skip the
 * first copy of a story gets its first alert for that story as {@code also-reported}.
 */
public final class AlertFanout implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertFanout.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);
    /** How often offsets are committed; after a crash, at most this much of raqib.matches is fanned out again. */
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

    private final AlertsSettings settings;
    private final SubscriptionRegistry subscriptions;
    private final Clock clock;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final ClientMeters clientMeters;
    private final Counter created;
    private final Counter alsoReported;
    private final Counter undecodable;
    private static final String FAILURE = "Alert fan-out stopped; uncommitted matches are fanned out again at the next start";

    private final ConsumerThread loop;

    /**
     * A fan-out over the cluster of {@code kafka} (bootstrap servers and pass-through properties), matching
     * against {@code subscriptions}; call {@link #start()} to begin.
     */
    public AlertFanout(AlertsSettings settings, Map<String, Object> kafka, SubscriptionRegistry subscriptions,
            MeterRegistry registry, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<String, Object> consumerProps = new HashMap<>(kafka);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "raqib-alerts-fanout");
        this.clientMeters = new ClientMeters(registry);
        this.consumer = clientMeters.consumer(
                new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        Map<String, Object> producerProps = new HashMap<>(kafka);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "raqib-alerts-fanout");
        this.producer = clientMeters.producer(
                new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer()));
        this.created = Counter.builder(MeterNames.ALERTS_CREATED).description("Alerts written to raqib.alerts")
                .tag("kind", "new").register(registry);
        this.alsoReported = Counter.builder(MeterNames.ALERTS_CREATED).description("Alerts written to raqib.alerts")
                .tag("kind", "also-reported").register(registry);
        this.undecodable = Counter.builder(MeterNames.ALERTS_UNDECODABLE_MATCHES)
                .description("Matches that could not be decoded and went to raqib.dlq").register(registry);
        this.loop = new ConsumerThread("raqib-alerts-fanout", consumer, this::poll,
                FAILURE);
    }

    /** Starts consuming on the fan-out thread, once every existing subscription has been read. */
    public void start() {
        loop.start();
    }

    /**
     * The alerts {@code match} gives: one per subscription in {@code subscriptions} that wants it, checking each
     * one in turn.
     */
    public static List<Alert> alertsFor(Match match, List<Subscription> subscriptions, boolean oneAlertPerStory,
            Clock clock) {
        return alerts(match, subscriptions.stream().filter(s -> SubscriptionFilter.wants(s, match)).toList(),
                oneAlertPerStory, clock);
    }

    /**
     * The alerts {@code match} gives: one per subscription of {@code subscriptions} that wants it, found through
     * the index; the same alerts, in the same order, as {@link #alertsFor(Match, List, boolean, Clock)} over
     * {@code subscriptions.all()}.
     */
    public static List<Alert> alertsFor(Match match, SubscriptionIndex subscriptions, boolean oneAlertPerStory,
            Clock clock) {
        return alerts(match, subscriptions.wanting(match), oneAlertPerStory, clock);
    }

    private static List<Alert> alerts(Match match, List<Subscription> wanting, boolean oneAlertPerStory, Clock clock) {
        String kind = oneAlertPerStory && !match.firstInStory() ? "also-reported" : "new";
        List<Alert> alerts = new ArrayList<>(wanting.size());
        for (Subscription subscription : wanting) {
            alerts.add(new Alert(AlertIds.of(match.articleId(), subscription.id()), subscription.id(), kind,
                    clock.instant(), match));
        }
        return alerts;
    }

    private void poll() throws Exception {
        long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
        // Waits in short steps so close() is not held up by a missing cluster.
        while (loop.running() && !subscriptions.awaitLoaded(Duration.ofMillis(200))) {
            if (System.nanoTime() > deadline) {
                log.warn("Subscriptions not loaded after {}; fanning out with those read so far", LOAD_TIMEOUT);
                break;
            }
        }
        // The system clock, not the alerts' one: commit pacing is about real time even when alert times are not.
        OffsetCommits commits = new OffsetCommits(consumer, COMMIT_INTERVAL, Clock.systemUTC());
        consumer.subscribe(List.of(Topics.MATCHES.name()), commits);
        try {
            while (loop.running()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    fanOut(record, sent);
                }
                if (!sent.isEmpty()) {
                    producer.flush();
                    for (Future<RecordMetadata> ack : sent) {
                        ack.get();
                    }
                }
                commits.done(records);
            }
        } finally {
            commits.commitOnStop();
        }
    }

    private void fanOut(ConsumerRecord<byte[], byte[]> record, List<Future<RecordMetadata>> sent) {
        Match match;
        try {
            match = Topics.MATCHES.valueSerde().deserializer().deserialize(record.topic(), record.value());
            Objects.requireNonNull(match, "match");
        } catch (RuntimeException e) {
            undecodable.increment();
            sent.add(producer.send(deadLetter(record, e)));
            return;
        }
        List<Alert> alerts = alertsFor(match, subscriptions.index(), settings.oneAlertPerStory(), clock);
        if (alerts.isEmpty()) {
            return;
        }
        AlertValues values = new AlertValues(match);
        for (Alert alert : alerts) {
            byte[] key = alert.id().getBytes(StandardCharsets.UTF_8);
            byte[] value = values.of(alert);
            sent.add(producer.send(new ProducerRecord<>(Topics.ALERTS.name(), key, value)));
            (alert.kind().equals("new") ? created : alsoReported).increment();
        }
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, RuntimeException e) {
        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetter.of("fanout", "match cannot be decoded: " + e.getMessage(), e, record.topic(),
                record.partition(), record.offset(), key, record.value(), clock.instant());
        return new ProducerRecord<>(Topics.DLQ.name(), record.key(), Json.write(letter).getBytes(StandardCharsets.UTF_8));
    }

    /** Stops consuming, waits for the thread, and closes the producer. */
    @Override
    public void close() {
        loop.close();
        producer.close(Duration.ofSeconds(5));
        clientMeters.close();
    }
}

package org.raqib.alerts.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.raqib.alerts.subscriptions.SubscriptionRegistry;
import org.raqib.alerts.ConsumerThread;
import org.raqib.alerts.OffsetCommits;
import org.raqib.core.config.AlertsSettings;
import org.raqib.core.kafka.LenientDeserializer;
import org.raqib.core.kafka.Topics;
import org.raqib.core.metrics.ClientMeters;
import org.raqib.core.model.Alert;
import org.raqib.core.model.PendingDelivery;
import org.raqib.core.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code raqib.alerts} (consumer group {@code alerts.groupId + "-dispatch"}) and, for each alert whose
 * subscription has push channels, writes one pending delivery per channel to {@code raqib.alerts.retry}, due now.
 * It never calls a receiver itself, so a slow receiver cannot hold up the stream of alerts; the
 * {@link DeliveryLedger} does. Offsets are committed after the pending deliveries are acknowledged, at most once a
 * second ({@link OffsetCommits}; at-least-once: a repeat writes the same key again, and the ledger keeps one
 * delivery per key).
 */
public final class AlertDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    /** How often offsets are committed; after a crash, at most this much of raqib.alerts is dispatched again. */
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    private static final Set<String> PUSH_CHANNELS = Set.of("webhook", "email", "slack", "teams");

    private final SubscriptionRegistry subscriptions;
    private final Clock clock;
    private final KafkaConsumer<String, Alert> consumer;
    private final KafkaProducer<String, PendingDelivery> producer;
    private final ClientMeters clientMeters;
    private static final String FAILURE = "Alert dispatch stopped; uncommitted alerts are dispatched again at the next start";

    private final ConsumerThread loop;

    /**
     * A dispatcher over the cluster of {@code kafka}, its clients' meters in {@code registry}; call {@link #start()}
     * once subscriptions are loaded.
     */
    public AlertDispatcher(AlertsSettings settings, Map<String, Object> kafka, SubscriptionRegistry subscriptions,
            MeterRegistry registry, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
        Map<String, Object> consumerProps = new HashMap<>(kafka);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId() + "-dispatch");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the beginning: an alert written while no dispatcher had joined yet is still owed.
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "raqib-alerts-dispatch");
        this.clientMeters = new ClientMeters(registry);
        this.consumer = clientMeters.consumer(new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                new LenientDeserializer<>(Topics.ALERTS.valueSerde().deserializer())));
        Map<String, Object> producerProps = new HashMap<>(kafka);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "raqib-alerts-dispatch");
        this.producer = clientMeters.producer(new KafkaProducer<>(producerProps,
                Topics.ALERT_RETRIES.keySerde().serializer(), Topics.ALERT_RETRIES.valueSerde().serializer()));
        this.loop = new ConsumerThread("raqib-alerts-dispatch", consumer, this::poll,
                FAILURE);
    }

    /** Starts consuming on its own thread. */
    public void start() {
        loop.start();
    }

    /**
     * The deliveries {@code alert} owes under {@code subscription}: one per push channel, due now — or, for email
     * of a digest subscription, at the end of the current digest interval (intervals are aligned to the epoch, so
     * every instance agrees on them).
     */
    public static List<PendingDelivery> deliveriesOf(Alert alert, Subscription subscription, Clock clock) {
        Instant now = clock.instant();
        return subscription.channels().stream()
                .filter(c -> PUSH_CHANNELS.contains(c.type()))
                .map(c -> new PendingDelivery(alert, c, "pending", List.of(),
                        c.type().equals("email") && subscription.digestEvery() != null
                                ? nextBoundary(now, subscription.digestEvery())
                                : now))
                .toList();
    }

    /** The first multiple of {@code interval} since the epoch after {@code now}. */
    public static Instant nextBoundary(Instant now, Duration interval) {
        long step = interval.toMillis();
        return Instant.ofEpochMilli((Math.floorDiv(now.toEpochMilli(), step) + 1) * step);
    }

    /**
     * The partition of a delivery: all deliveries of one subscription to one target share a partition, so one
     * ledger instance owns them and can fold them into digests and count them against the hourly cap.
     */
    static int partitionOf(String subscriptionId, Subscription.Channel channel, int partitions) {
        String group = subscriptionId + "|" + channel.type() + "|" + channel.target();
        return Math.floorMod(group.hashCode(), partitions);
    }

    private void poll() throws Exception {
        // The system clock, not the alerts' one: commit pacing is about real time even when alert times are not.
        OffsetCommits commits = new OffsetCommits(consumer, COMMIT_INTERVAL, Clock.systemUTC());
        consumer.subscribe(List.of(Topics.ALERTS.name()), commits);
        try {
            dispatch(commits);
        } finally {
            commits.commitOnStop();
        }
    }

    private void dispatch(OffsetCommits commits) throws Exception {
        while (loop.running()) {
            ConsumerRecords<String, Alert> records = consumer.poll(Duration.ofMillis(200));
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (ConsumerRecord<String, Alert> record : records) {
                Alert alert = record.value();
                if (alert == null) {
                    continue; // Undecodable: the history view logs it; nothing can be delivered.
                }
                subscriptions.get(alert.subscriptionId()).ifPresent(subscription -> {
                    int partitions = producer.partitionsFor(Topics.ALERT_RETRIES.name()).size();
                    for (PendingDelivery delivery : deliveriesOf(alert, subscription, clock)) {
                        int partition = partitionOf(alert.subscriptionId(), delivery.channel(), partitions);
                        sent.add(producer.send(new ProducerRecord<>(Topics.ALERT_RETRIES.name(), partition,
                                delivery.key(), delivery)));
                    }
                });
            }
            if (!sent.isEmpty()) {
                producer.flush();
                for (Future<RecordMetadata> ack : sent) {
                    ack.get();
                }
            }
            commits.done(records);
        }
    }

    /** Stops consuming and closes the clients. */
    @Override
    public void close() {
        loop.close();
        producer.close(Duration.ofSeconds(5));
        clientMeters.close();
    }
}

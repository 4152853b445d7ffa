package org.raqib.alerts.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.raqib.alerts.subscriptions.SubscriptionRegistry;
import org.raqib.alerts.ConsumerThread;
import org.raqib.core.config.AlertsSettings;
import org.raqib.core.json.Json;
import org.raqib.core.kafka.LenientDeserializer;
import org.raqib.core.kafka.Topics;
import org.raqib.core.metrics.ClientMeters;
import org.raqib.core.metrics.MeterNames;
import org.raqib.core.model.Alert;
import org.raqib.core.model.DeadLetter;
import org.raqib.core.model.DeliveryAttempt;
import org.raqib.core.model.PendingDelivery;
import org.raqib.core.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the deliveries still owed on {@code raqib.alerts.retry} and makes them happen. Instances share the
 * topic's partitions through the consumer group {@code alerts.groupId + "-delivery"}; on each assignment the
 * instance reads its partitions from the beginning (the compacted topic is the state, like a state store's
 * changelog), and once caught up schedules every pending delivery at its due time. Attempts run on the senders' pool
 * with the channel's timeout; webhook and chat requests wait for their turn at their destination (at most
 * {@code alerts.requestsPerDestination} at a time each), so one slow or failing receiver never delays another. Its outcome is written
 * back: {@code delivered} or {@code dead-lettered} (then a tombstone), or {@code pending} with the next time from
 * the {@link RetryPolicy}. A delivery that exhausts its retries goes to {@code raqib.dlq} with its attempts.
 *
 * <p>At-least-once: a crash between a receiver's answer and the write of the outcome repeats that attempt after
 * the restart, with the same {@code webhook-id}.
 */
public final class DeliveryLedger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLedger.class);

    /** One owed delivery and the partition it lives in. */
    private record Owed(PendingDelivery delivery, int partition) {}

    /** Emails sent to one subscription's target in one hour; {@code last} is when the last counted one went. */
    private static final class HourCount {
        long hour;
        int sent;
        Instant last;
    }

    private final SubscriptionRegistry subscriptions;
    private final Map<String, DeliveryChannel> channels = new HashMap<>();
    private final RetryPolicy policy;
    private final Clock clock;
    private final Duration rescheduleAfterWriteFailure;
    private final KafkaConsumer<String, PendingDelivery> consumer;
    private final KafkaProducer<String, PendingDelivery> producer;
    private final KafkaProducer<String, String> deadLetters;
    private final Map<String, Owed> owed = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<TopicPartition, Long> loading = new ConcurrentHashMap<>();
    /** Emails sent this hour per subscription and target, by the partition that owns them (the hourly cap). */
    private final Map<Integer, Map<String, HourCount>> sentThisHour = new HashMap<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService senders;
    private final MeterRegistry registry;
    private final ClientMeters clientMeters;
    private static final String FAILURE = "Delivery ledger stopped; owed deliveries are picked up by the next instance or start";

    private final ConsumerThread loop;

    /**
     * A ledger over the cluster of {@code kafka}, delivering on {@code channels}; call {@link #start()}.
     *
     * @param settings {@code alerts.*} settings (group, retry policy)
     * @param kafka Kafka client properties
     * @param subscriptions current subscriptions (secrets; a removed subscription's deliveries are dropped)
     * @param channels the push channels, by {@link DeliveryChannel#type()}
     * @param policy when to retry
     * @param registry where meters go
     * @param clock time of attempts
     * @param senders where attempts run; closed with the ledger
     */
    public DeliveryLedger(AlertsSettings settings, Map<String, Object> kafka, SubscriptionRegistry subscriptions,
            Collection<DeliveryChannel> channels, RetryPolicy policy, MeterRegistry registry, Clock clock,
            ExecutorService senders) {
        this.subscriptions = subscriptions;
        channels.forEach(c -> this.channels.put(c.type(), c));
        this.policy = policy;
        this.clock = clock;
        this.registry = registry;
        // Every channel's series exist from the start at zero, so dashboards and alerting rules (rates of
        // failures) see them before the first delivery.
        for (String channel : List.of("webhook", "email")) {
            for (String outcome : List.of("delivered", "retrying", "dead-lettered")) {
                Counter.builder(MeterNames.ALERTS_DELIVERED).description("Delivery attempts by channel and outcome")
                        .tags("channel", channel, "outcome", outcome).register(registry);
            }
            for (String from : List.of("match", "fetch")) {
                Timer.builder(MeterNames.ALERTS_DELIVERY_LATENCY)
                        .description("Time from an article's fetch or match to its delivery")
                        .tags("channel", channel, "from", from).publishPercentileHistogram().register(registry);
            }
        }
        this.senders = senders;
        this.rescheduleAfterWriteFailure = settings.retryFirstDelay();
        Map<String, Object> consumerProps = new HashMap<>(kafka);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId() + "-delivery");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "raqib-alerts-delivery");
        this.clientMeters = new ClientMeters(registry);
        this.consumer = clientMeters.consumer(new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                new LenientDeserializer<>(Topics.ALERT_RETRIES.valueSerde().deserializer())));
        Map<String, Object> producerProps = new HashMap<>(kafka);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "raqib-alerts-delivery");
        this.producer = clientMeters.producer(new KafkaProducer<>(producerProps,
                Topics.ALERT_RETRIES.keySerde().serializer(), Topics.ALERT_RETRIES.valueSerde().serializer()));
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "raqib-alerts-delivery-dlq");
        this.deadLetters = clientMeters.producer(
                new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer()));
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "raqib-alerts-delivery-timer");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder(MeterNames.ALERTS_RETRIES_PENDING, owed,
                        o -> o.values().stream().filter(e -> !e.delivery().attempts().isEmpty()).count())
                .description("Deliveries that failed at least once and are waiting for their next attempt")
                .register(registry);
        Gauge.builder(MeterNames.ALERTS_DIGEST_QUEUED, owed, o -> o.values().stream()
                        .filter(e -> e.delivery().attempts().isEmpty() && e.delivery().nextAttemptAt() != null
                                && e.delivery().nextAttemptAt().isAfter(clock.instant()))
                        .count())
                .description("Alert emails waiting for their digest or for the next hour under the cap")
                .register(registry);
        this.loop = new ConsumerThread("raqib-alerts-delivery", consumer, this::poll,
                FAILURE);
    }

    /** Starts consuming on its own thread. */
    public void start() {
        loop.start();
    }

    /** Deliveries this instance currently owes (its partitions only). */
    public int owedCount() {
        return owed.size();
    }

    private void poll() throws Exception {
        consumer.subscribe(List.of(Topics.ALERT_RETRIES.name()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                forget(partitions);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                forget(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // Rebuild the owed deliveries of these partitions, and the emails they sent this hour, from the log.
                forgetCounts(partitions);
                consumer.seekToBeginning(partitions);
                loading.putAll(consumer.endOffsets(partitions));
            }
        });
        while (loop.running()) {
            for (ConsumerRecord<String, PendingDelivery> record : consumer.poll(Duration.ofMillis(200))) {
                apply(record);
            }
            for (Map.Entry<TopicPartition, Long> partition : List.copyOf(loading.entrySet())) {
                if (consumer.position(partition.getKey()) >= partition.getValue()) {
                    loading.remove(partition.getKey());
                    int p = partition.getKey().partition();
                    owed.forEach((key, entry) -> {
                        if (entry.partition() == p) {
                            schedule(key, entry);
                        }
                    });
                }
            }
        }
    }

    private void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(loading::remove);
        owed.values().removeIf(e -> partitions.stream().anyMatch(p -> p.partition() == e.partition()));
        forgetCounts(partitions);
    }

    private synchronized void forgetCounts(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> sentThisHour.remove(p.partition()));
    }

    private void apply(ConsumerRecord<String, PendingDelivery> record) {
        PendingDelivery delivery = record.value();
        if (delivery != null && delivery.state().equals("delivered")
                && loading.containsKey(new TopicPartition(record.topic(), record.partition()))) {
            // Emails this instance sends are counted as they go; those found while loading were sent before a
            // restart or by the partition's previous owner, and count against the hourly cap all the same.
            countSent(record.partition(), delivery);
        }
        if (delivery == null || !delivery.state().equals("pending")) {
            owed.remove(record.key());
            return;
        }
        Owed entry = new Owed(delivery, record.partition());
        owed.put(record.key(), entry);
        if (!loading.containsKey(new TopicPartition(record.topic(), record.partition()))) {
            schedule(record.key(), entry);
        }
    }

    private void schedule(String key, Owed entry) {
        Instant due = entry.delivery().nextAttemptAt() == null ? clock.instant() : entry.delivery().nextAttemptAt();
        long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis());
        int version = entry.delivery().attempts().size();
        timer.schedule(() -> attempt(key, version), delay, TimeUnit.MILLISECONDS);
    }

    private void attempt(String key, int version) {
        Owed entry = owed.get(key);
        Instant now = clock.instant();
        if (!loop.running() || entry == null || entry.delivery().attempts().size() != version
                || due(entry).isAfter(now.plusMillis(50)) || !inFlight.add(key)) {
            return; // Superseded, finished, rescheduled later, or already being attempted.
        }
        PendingDelivery delivery = entry.delivery();
        Optional<Subscription> subscription = subscriptions.get(delivery.alert().subscriptionId());
        DeliveryChannel channel = channels.get(delivery.channel().type());
        if (subscription.isEmpty()) {
            record(List.of(Map.entry(key, entry)), DeliveryResult.permanent("subscription was removed"));
        } else if (channel == null) {
            record(List.of(Map.entry(key, entry)),
                    DeliveryResult.permanent("no channel of type " + delivery.channel().type() + " is configured"));
        } else if (folds(subscription.get(), delivery)) {
            attemptGroup(key, entry, subscription.get(), channel, now);
        } else {
            List<Map.Entry<String, Owed>> one = List.of(Map.entry(key, entry));
            CompletableFuture.supplyAsync(
                            () -> channel.deliver(delivery.alert(), subscription.get(), delivery.channel().target()), senders)
                    .thenCompose(f -> f)
                    .exceptionally(e -> DeliveryResult.retry("unexpected error: " + e))
                    .thenAccept(outcome -> record(one, outcome));
        }
    }

    /** Whether deliveries of {@code subscription} on this channel are folded into digests. */
    private static boolean folds(Subscription subscription, PendingDelivery delivery) {
        return delivery.channel().type().equals("email")
                && (subscription.digestEvery() != null || subscription.maxPerHour() > 0);
    }

    /**
     * Sends every due delivery of the same subscription and target as one digest, unless the hourly cap is
     * reached: then they wait for the next hour, when they go out together.
     */
    private void attemptGroup(String key, Owed entry, Subscription subscription, DeliveryChannel channel, Instant now) {
        PendingDelivery delivery = entry.delivery();
        String group = groupOf(delivery);
        if (subscription.maxPerHour() > 0 && !capAllows(entry.partition(), group, subscription.maxPerHour(), now)) {
            Instant nextHour = AlertDispatcher.nextBoundary(now, Duration.ofHours(1));
            PendingDelivery deferred = new PendingDelivery(delivery.alert(), delivery.channel(), "pending",
                    delivery.attempts(), nextHour);
            owed.put(key, new Owed(deferred, entry.partition()));
            inFlight.remove(key);
            send(key, deferred, entry.partition());
            return;
        }
        List<Map.Entry<String, Owed>> members = new ArrayList<>();
        members.add(Map.entry(key, entry));
        owed.forEach((otherKey, other) -> {
            PendingDelivery d = other.delivery();
            if (!otherKey.equals(key) && d.alert().subscriptionId().equals(subscription.id())
                    && d.channel().equals(delivery.channel()) && !due(other).isAfter(now.plusMillis(50))
                    && inFlight.add(otherKey)) {
                members.add(Map.entry(otherKey, other));
            }
        });
        List<Alert> alerts = members.stream().map(m -> m.getValue().delivery().alert()).toList();
        CompletableFuture.supplyAsync(() -> channel.deliverAll(alerts, subscription, delivery.channel().target()), senders)
                .thenCompose(f -> f)
                .exceptionally(e -> DeliveryResult.retry("unexpected error: " + e))
                .thenAccept(outcome -> record(members, outcome));
    }

    private static String groupOf(PendingDelivery delivery) {
        return delivery.alert().subscriptionId() + "|" + delivery.channel().type() + "|" + delivery.channel().target();
    }

    /** Counts an email and returns true when the group has sent fewer than {@code maxPerHour} this hour. */
    private synchronized boolean capAllows(int partition, String group, int maxPerHour, Instant now) {
        HourCount count = hourCount(partition, group, now);
        if (count.sent >= maxPerHour) {
            return false;
        }
        count.sent++;
        count.last = now;
        return true;
    }

    /**
     * Counts the email that delivered {@code delivery} if it went this hour. The alerts of one digest share one
     * email and one attempt time, written one after another, so a time already counted is that email again.
     */
    private synchronized void countSent(int partition, PendingDelivery delivery) {
        List<DeliveryAttempt> attempts = delivery.attempts();
        if (!delivery.channel().type().equals("email") || attempts.isEmpty()) {
            return;
        }
        Instant sentAt = attempts.get(attempts.size() - 1).at();
        Instant now = clock.instant();
        if (sentAt.getEpochSecond() / 3600 != now.getEpochSecond() / 3600) {
            return;
        }
        HourCount count = hourCount(partition, groupOf(delivery), now);
        if (!sentAt.equals(count.last)) {
            count.sent++;
            count.last = sentAt;
        }
    }

    private HourCount hourCount(int partition, String group, Instant now) {
        long hour = now.getEpochSecond() / 3600;
        HourCount count = sentThisHour.computeIfAbsent(partition, p -> new HashMap<>())
                .computeIfAbsent(group, g -> new HourCount());
        if (count.hour != hour) {
            count.hour = hour;
            count.sent = 0;
            count.last = null;
        }
        return count;
    }

    private Instant due(Owed entry) {
        return entry.delivery().nextAttemptAt() == null ? Instant.MIN : entry.delivery().nextAttemptAt();
    }

    /** Records one outcome for every delivery of {@code members} (one delivery, or the alerts of one digest). */
    private void record(List<Map.Entry<String, Owed>> members, DeliveryResult outcome) {
        Instant now = clock.instant();
        PendingDelivery lead = members.get(0).getValue().delivery();
        // One next time for the whole group, so a digest that failed is retried as one digest.
        List<DeliveryAttempt> leadAttempts = new ArrayList<>(lead.attempts());
        leadAttempts.add(new DeliveryAttempt(lead.channel().type(), lead.channel().target(), now, "failed", ""));
        Optional<Instant> next = outcome.delivered() || !outcome.retryable()
                ? Optional.empty()
                : policy.nextAttempt(leadAttempts.size(), leadAttempts.get(0).at(), now);
        for (Map.Entry<String, Owed> member : members) {
            record(member.getKey(), member.getValue(), outcome, next, now);
        }
    }

    private void record(String key, Owed entry, DeliveryResult outcome, Optional<Instant> next, Instant now) {
        PendingDelivery delivery = entry.delivery();
        List<DeliveryAttempt> attempts = new ArrayList<>(delivery.attempts());
        attempts.add(new DeliveryAttempt(delivery.channel().type(), delivery.channel().target(), now,
                outcome.delivered() ? "delivered" : "failed", outcome.detail()));
        String state = outcome.delivered() ? "delivered" : next.isPresent() ? "pending" : "dead-lettered";
        PendingDelivery updated = new PendingDelivery(delivery.alert(), delivery.channel(), state, attempts,
                next.orElse(null));
        String channel = delivery.channel().type();
        Counter.builder(MeterNames.ALERTS_DELIVERED).description("Delivery attempts by channel and outcome")
                .tags("channel", channel, "outcome", outcome.delivered() ? "delivered" : state.equals("pending") ? "retrying" : state)
                .register(registry).increment();
        if (outcome.delivered()) {
            latency(channel, "match", delivery.alert().match().matchedAt(), now);
            latency(channel, "fetch", delivery.alert().match().fetchedAt(), now);
        }
        // Updated here as well as when the write comes back, so a timer of the old version finds it superseded.
        if (state.equals("pending")) {
            owed.put(key, new Owed(updated, entry.partition()));
        } else {
            owed.remove(key);
        }
        inFlight.remove(key);
        List<CompletableFuture<?>> writes = new ArrayList<>();
        writes.add(send(key, updated, entry.partition()));
        if (!state.equals("pending")) {
            if (state.equals("dead-lettered")) {
                writes.add(deadLetter(key, updated));
                log.warn("Gave up delivering alert {} by {} after {} attempts: {}", delivery.alert().id(), channel,
                        attempts.size(), outcome.detail());
            }
            writes.add(send(key, null, entry.partition()));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
            if (error != null && loop.running()) {
                log.warn("Cannot record the outcome of delivery {}; attempting again in {}", key,
                        rescheduleAfterWriteFailure, error);
                owed.put(key, entry);
                timer.schedule(() -> attempt(key, delivery.attempts().size()),
                        rescheduleAfterWriteFailure.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private void latency(String channel, String from, Instant start, Instant now) {
        if (start != null && !start.isAfter(now)) {
            Timer.builder(MeterNames.ALERTS_DELIVERY_LATENCY)
                    .description("Time from an article's fetch or match to its delivery")
                    .tags("channel", channel, "from", from).publishPercentileHistogram()
                    .register(registry).record(Duration.between(start, now));
        }
    }

    /** Writes to {@code partition}: a delivery's records stay in the partition the dispatcher chose for it. */
    private CompletableFuture<Void> send(String key, PendingDelivery value, int partition) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(Topics.ALERT_RETRIES.name(), partition, key, value), (metadata, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(null);
            }
        });
        return done;
    }

    private CompletableFuture<Void> deadLetter(String key, PendingDelivery delivery) {
        DeliveryAttempt last = delivery.attempts().get(delivery.attempts().size() - 1);
        DeadLetter letter = new DeadLetter(delivery.channel().type(),
                "gave up delivering alert " + delivery.alert().id() + " to " + delivery.channel().target() + " after "
                        + delivery.attempts().size() + " attempts; last: " + last.detail(),
                "", Topics.ALERT_RETRIES.name(), -1, -1, key, Json.write(delivery), "utf-8", clock.instant());
        CompletableFuture<Void> done = new CompletableFuture<>();
        deadLetters.send(new ProducerRecord<>(Topics.DLQ.name(), key, Json.write(letter)), (metadata, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(null);
            }
        });
        return done;
    }

    /** Stops consuming and attempting; owed deliveries stay in the topic for the next start. */
    @Override
    public void close() {
        loop.close();
        timer.shutdownNow();
        senders.shutdownNow();
        producer.close(Duration.ofSeconds(5));
        deadLetters.close(Duration.ofSeconds(5));
        clientMeters.close();
    }
}

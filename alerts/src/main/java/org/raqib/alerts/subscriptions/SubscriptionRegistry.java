package org.raqib.alerts.subscriptions;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.raqib.alerts.history.TopicReplay;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Subscription;

/**
 * Every subscription, as a view of the compacted {@code raqib.subscriptions} topic that each instance reads
 * whole (subscriptions are few and every match is checked against all of them), and the way to change them:
 * writes go to the topic and are applied to the view once the broker acknowledged them, so a caller reads its own
 * write; other instances see it when their replay reaches it.
 */
public final class SubscriptionRegistry implements AutoCloseable {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final TopicReplay<String, Subscription> replay;
    private final KafkaProducer<String, Subscription> producer;

    /** A registry over the cluster of {@code kafka} (bootstrap servers and pass-through properties). */
    public SubscriptionRegistry(Map<String, Object> kafka) {
        this.replay = new TopicReplay<>(Topics.SUBSCRIPTIONS, kafka, (partition, offset, id, subscription) -> {
            if (id == null) {
                return;
            }
            if (subscription == null) {
                byId.remove(id);
            } else {
                byId.put(id, subscription);
            }
        });
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "raqib-subscriptions");
        this.producer = new KafkaProducer<>(props, Topics.SUBSCRIPTIONS.keySerde().serializer(),
                Topics.SUBSCRIPTIONS.valueSerde().serializer());
    }

    /** Starts reading the topic. */
    public void start() {
        replay.start();
    }

    /** Whether every subscription present at start has been read. */
    public boolean loaded() {
        return replay.caughtUp();
    }

    /** Waits up to {@code timeout} for {@link #loaded()}; returns whether it is. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return replay.awaitCaughtUp(timeout);
    }

    /** Every subscription, by id. */
    public List<Subscription> all() {
        return byId.values().stream().sorted(Comparator.comparing(Subscription::id)).toList();
    }

    /** The subscriptions {@code owner} owns, by id. */
    public List<Subscription> ownedBy(String owner) {
        return all().stream().filter(s -> s.owner().equals(owner)).toList();
    }

    /** The subscription {@code id}, when it exists. */
    public Optional<Subscription> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Creates or replaces {@code subscription}, returning once the broker has it. */
    public void put(Subscription subscription) {
        write(subscription.id(), subscription);
        byId.put(subscription.id(), subscription);
    }

    /** Removes subscription {@code id} (a tombstone), returning once the broker has it. */
    public void remove(String id) {
        write(id, null);
        byId.remove(id);
    }

    private void write(String id, Subscription value) {
        try {
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), id, value))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving subscription " + id, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot save subscription " + id + " to " + Topics.SUBSCRIPTIONS.name()
                    + "; check that Kafka is reachable and retry", e);
        }
    }

    /** Stops reading and closes the producer. */
    @Override
    public void close() {
        replay.close();
        producer.close(Duration.ofSeconds(5));
    }
}

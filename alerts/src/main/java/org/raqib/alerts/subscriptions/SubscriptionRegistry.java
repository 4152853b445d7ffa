package org.raqib.alerts.subscriptions;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.raqib.alerts.history.TopicReplay;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Subscription;

/**
 * Every subscription, as a view of the compacted {@code raqib.subscriptions} topic that each instance reads
 * whole (every instance fans every match out, and the {@link SubscriptionIndex} of the view finds the subscriptions
 * that want it), and the way to change them:
 * writes go to the topic and are applied to the view once the broker acknowledged them, so a caller reads its own
 * write; other instances see it when their replay reaches it.
 */
public final class SubscriptionRegistry implements AutoCloseable {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    /** A snapshot of the view and the number of changes it includes. */
    private record Snapshot(long version, SubscriptionIndex index) {}

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    /** Counts changes to {@link #byId}; a snapshot of an older version is rebuilt when next asked for. */
    private final AtomicLong version = new AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(0, SubscriptionIndex.of(List.of()));
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
            version.incrementAndGet();
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
        return index().all();
    }

    /**
     * An index of every subscription, for finding those that want a match. Built again after a change, on the
     * first call that finds it out of date, so a burst of changes (the replay at start) costs one build.
     */
    public SubscriptionIndex index() {
        Snapshot current = snapshot;
        long now = version.get();
        if (current.version() != now) {
            // Read the version before the map: a change during the build leaves the snapshot out of date, not wrong.
            current = new Snapshot(now, SubscriptionIndex.of(byId.values()));
            snapshot = current;
        }
        return current.index();
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
        version.incrementAndGet();
    }

    /** Removes subscription {@code id} (a tombstone), returning once the broker has it. */
    public void remove(String id) {
        write(id, null);
        byId.remove(id);
        version.incrementAndGet();
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

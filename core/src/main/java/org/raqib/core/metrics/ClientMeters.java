package org.raqib.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The Kafka client meters ({@link KafkaClientMetrics}: request rates and latencies, record lag, buffer use) of the
 * producers and consumers one component owns. A client is bound as it is created and released when it is replaced
 * or closed, so a component that recreates its producer (after a fenced transaction) does not leave the old one's
 * meters behind.
 *
 * <p>Thread-safe: a component may close it from another thread than the one that binds.
 */
public final class ClientMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final Map<Object, KafkaClientMetrics> bound = new IdentityHashMap<>();

    /** Meters of the clients bound here go to {@code registry}. */
    public ClientMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Binds {@code producer}'s metrics and returns it, so creation and binding read as one expression. */
    public <P extends Producer<?, ?>> P producer(P producer) {
        return bind(producer, new KafkaClientMetrics(producer));
    }

    /** Binds {@code consumer}'s metrics and returns it. */
    public <C extends Consumer<?, ?>> C consumer(C consumer) {
        return bind(consumer, new KafkaClientMetrics(consumer));
    }

    /** Removes the meters of {@code client}, bound here before; does nothing for a client that is not. */
    public synchronized void release(Object client) {
        KafkaClientMetrics metrics = bound.remove(client);
        if (metrics != null) {
            metrics.close();
        }
    }

    /** Removes the meters of every client still bound. */
    @Override
    public synchronized void close() {
        bound.values().forEach(KafkaClientMetrics::close);
        bound.clear();
    }

    private synchronized <T> T bind(T client, KafkaClientMetrics metrics) {
        metrics.bindTo(registry);
        bound.put(client, metrics);
        return client;
    }
}

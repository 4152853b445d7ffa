package org.raqib.core.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exposes {@code raqib.consumer.lag} gauges tagged {@code group} and {@code topic}, refreshed every interval on one
 * named thread ({@code raqib-consumer-lag}) from {@link ConsumerLag}. Tags are bounded: the groups are the fixed
 * list given here and the topics are those the groups consume. A gauge keeps its last value while Kafka cannot be
 * read (the failure is logged once until the next success), so {@code up} and the health endpoints, not this gauge,
 * report an unreachable cluster. The owner calls {@link #start()} and {@link #close()}; does not close the Admin.
 */
public final class ConsumerLagMeter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMeter.class);

    private final ConsumerLag lag;
    private final List<String> groups;
    private final MeterRegistry registry;
    private final Duration interval;
    private final Map<List<String>, AtomicLong> values = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean failing;

    /**
     * @param lag reads the offsets
     * @param groups the consumer groups to watch, e.g. {@link ConsumerLag#groupsOf}
     * @param registry where the gauges are registered
     * @param interval time between two reads
     */
    public ConsumerLagMeter(ConsumerLag lag, List<String> groups, MeterRegistry registry, Duration interval) {
        this.lag = Objects.requireNonNull(lag, "lag");
        this.groups = List.copyOf(groups);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("consumer lag interval must be positive, was " + interval);
        }
    }

    /** Starts refreshing on the {@code raqib-consumer-lag} thread; the first read happens at once. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("consumer lag meter already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "raqib-consumer-lag");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the lag once and updates the gauges, registering those of newly seen group and topic pairs. */
    public void refresh() {
        try {
            for (ConsumerLag.Entry entry : lag.read(groups)) {
                values.computeIfAbsent(List.of(entry.group(), entry.topic()), key -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder(MeterNames.CONSUMER_LAG, value, AtomicLong::get)
                            .description("Records a Raqib consumer group has not yet consumed, summed over partitions")
                            .tags("group", entry.group(), "topic", entry.topic()).register(registry);
                    return value;
                }).set(entry.lag());
            }
            if (failing) {
                log.info("Reading consumer lag again");
                failing = false;
            }
        } catch (KafkaException e) {
            // Keep the thread alive: the next attempt may succeed once Kafka is back.
            if (!failing) {
                log.warn("Cannot read consumer lag; keeping the last values: {}", e.getMessage());
                failing = true;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

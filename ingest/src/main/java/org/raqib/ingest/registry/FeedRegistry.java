package org.raqib.ingest.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.raqib.core.kafka.KafkaClients;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.FeedDefinition;

/**
 * The feeds in the compacted {@code raqib.feeds} topic: publishing definitions (a feed's id is its key, so pushing a
 * feed again replaces it) and listing the current ones.
 */
public final class FeedRegistry {

    private final KafkaClients clients;
    private final Duration timeout;

    /** The registry of the cluster {@code clients} reach; operations give up after {@code timeout}. */
    public FeedRegistry(KafkaClients clients, Duration timeout) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Publishes {@code feeds}; with {@code prune}, removes (tombstones) every registered feed not among them.
     *
     * @return the ids removed by pruning
     */
    public List<String> push(List<FeedDefinition> feeds, boolean prune) {
        List<String> removed = new ArrayList<>();
        if (prune) {
            Set<String> keep = new HashSet<>();
            feeds.forEach(f -> keep.add(f.id()));
            list().stream().map(FeedDefinition::id).filter(id -> !keep.contains(id)).forEach(removed::add);
        }
        Map<String, Object> props = clients.properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        try (KafkaProducer<String, FeedDefinition> producer = new KafkaProducer<>(props,
                Topics.FEEDS.keySerde().serializer(), Topics.FEEDS.valueSerde().serializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (FeedDefinition feed : feeds) {
                sent.add(producer.send(new ProducerRecord<>(Topics.FEEDS.name(), feed.id(), feed)));
            }
            for (String id : removed) {
                sent.add(producer.send(new ProducerRecord<>(Topics.FEEDS.name(), id, null)));
            }
            for (Future<?> future : sent) {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing feeds", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish feeds to " + Topics.FEEDS.name() + " at "
                    + clients.bootstrapServers() + ": " + (e.getCause() == null ? e : e.getCause()).getMessage()
                    + "; check that the cluster is up and the topic exists (raqib topics)", e);
        }
        return removed;
    }

    /** The registered feeds, by id. */
    public List<FeedDefinition> list() {
        Map<String, Object> props = clients.properties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Map<String, FeedDefinition> feeds = new LinkedHashMap<>();
        try (KafkaConsumer<String, FeedDefinition> consumer = new KafkaConsumer<>(props,
                Topics.FEEDS.keySerde().deserializer(), Topics.FEEDS.valueSerde().deserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.FEEDS.name(), timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + Topics.FEEDS.name() + " does not exist at "
                        + clients.bootstrapServers() + "; create it with raqib topics or start raqib run");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + Topics.FEEDS.name() + " took longer than " + timeout);
                }
                for (ConsumerRecord<String, FeedDefinition> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        feeds.remove(record.key());
                    } else {
                        feeds.put(record.key(), record.value());
                    }
                }
            }
        }
        List<FeedDefinition> sorted = new ArrayList<>(feeds.values());
        sorted.sort(Comparator.comparing(FeedDefinition::id));
        return sorted;
    }
}

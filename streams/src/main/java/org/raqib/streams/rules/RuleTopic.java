package org.raqib.streams.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Rule;

/**
 * Reads and writes the compacted {@code raqib.rules} topic for tools that are not the Streams topology ({@code raqib
 * rules}, the HTTP API): rules keyed by id, a tombstone deletes one. Writes are validated first, so an invalid rule
 * never reaches the topic. Each call opens its own client, so an instance is cheap and thread-safe.
 */
public final class RuleTopic {

    private final Map<String, Object> clientProperties;

    /** @param clientProperties the base Kafka client properties (bootstrap servers, TLS, SASL) */
    public RuleTopic(Map<String, Object> clientProperties) {
        this.clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, "clientProperties"));
    }

    /**
     * Validates every rule, then writes them all, keyed by id, and waits until the broker has them.
     *
     * @throws IllegalArgumentException listing every problem when any rule is invalid (nothing is written)
     * @throws IllegalStateException when the broker does not take the rules
     */
    public void write(Collection<Rule> rules) {
        List<String> problems = new ArrayList<>();
        rules.forEach(r -> problems.addAll(RuleValidator.problems(r)));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        send(rules.stream().map(r -> new ProducerRecord<>(Topics.RULES.name(), r.id(), r)).toList());
    }

    /** Deletes the rule {@code id} (a tombstone; compaction removes it for good). */
    public void delete(String id) {
        Objects.requireNonNull(id, "id");
        send(List.of(new ProducerRecord<>(Topics.RULES.name(), id, null)));
    }

    private void send(List<ProducerRecord<String, Rule>> records) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        Serde<String> keys = Topics.RULES.keySerde();
        Serde<Rule> values = Topics.RULES.valueSerde();
        try (KafkaProducer<String, Rule> producer = new KafkaProducer<>(props, keys.serializer(), values.serializer())) {
            List<Future<?>> sent = new ArrayList<>();
            records.forEach(r -> sent.add(producer.send(r)));
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + Topics.RULES.name() + ": "
                    + e.getCause().getMessage() + "; check --bootstrap-servers and 'raqib topics verify'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing rules", e);
        } catch (KafkaException e) {
            throw new IllegalStateException("cannot write to " + Topics.RULES.name() + ": " + e.getMessage()
                    + "; check --bootstrap-servers and 'raqib topics verify'", e);
        }
    }

    /**
     * The current rules: the latest value per id from the start of the topic to its end as of this call, by id.
     *
     * @throws IllegalStateException when the topic cannot be read within {@code timeout}
     */
    public List<Rule> readAll(Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Rule> latest = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, Topics.RULES.keySerde().deserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.RULES.name(), timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("the topic " + Topics.RULES.name()
                        + " does not exist; create it with 'raqib topics verify' or start 'raqib run'");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + Topics.RULES.name() + " within "
                            + timeout.toSeconds() + "s; check --bootstrap-servers");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    if (r.value() == null) {
                        latest.remove(r.key());
                    } else {
                        try {
                            latest.put(r.key(), Topics.RULES.valueSerde().deserializer().deserialize(r.topic(), r.value()));
                        } catch (RuntimeException e) {
                            // Another tool wrote something that is not a rule: the topology skips it too.
                            latest.remove(r.key());
                        }
                    }
                }
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka to read " + Topics.RULES.name() + ": " + e.getMessage()
                    + "; check --bootstrap-servers", e);
        }
        return List.copyOf(latest.values());
    }
}

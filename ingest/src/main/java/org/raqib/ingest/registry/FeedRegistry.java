package org.raqib.ingest.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.raqib.core.kafka.KafkaClients;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.FeedDefinition;
import org.raqib.core.model.FeedState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feeds in the compacted {@code raqib.feeds} topic: publishing definitions (a feed's id is its key, so pushing a
 * feed again replaces it) and listing the current ones.
 *
 * <p><b>Placement.</b> Every feed is written to the partition of its URL's host ({@link FeedPlacement}), so one
 * worker polls all the feeds of a host and its per-host politeness holds across the group. A feed whose host (or
 * the partition count) changed, or that was written before placement by host, <em>moves</em>: the push writes it to
 * its new partition and a tombstone for its id to the old one, in one transaction, so the workers see both or
 * neither and no feed is polled twice or lost.
 *
 * <p><b>State of a moved feed.</b> The same transaction copies the feed's latest {@code raqib.feed-state} record
 * (validators, schedule, recent item ids) to the same-numbered partition of its new place and tombstones the old
 * one; the worker that receives the feed reads it there (see {@code IngestWorker}), so a move re-fetches and
 * re-publishes nothing. If the old owner was polling the feed at that moment and commits a newer state after the
 * push, the new owner starts from the copied state and re-publishes that one poll's items under the same stable
 * article ids, which the topology's dedupe drops.
 */
public final class FeedRegistry {

    private static final Logger log = LoggerFactory.getLogger(FeedRegistry.class);

    private final KafkaClients clients;
    private final Duration timeout;

    /** The registry of the cluster {@code clients} reach; operations give up after {@code timeout}. */
    public FeedRegistry(KafkaClients clients, Duration timeout) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The records of {@code raqib.feeds}: per feed id, the partitions holding a definition of it. */
    private record Table(int partitions, Map<String, Map<Integer, FeedDefinition>> byId) {

        /**
         * The definition to believe when a feed is on several partitions (written before placement by host and not
         * pushed since): the one on its host's partition, else the lowest partition's.
         */
        FeedDefinition current(String id) {
            Map<Integer, FeedDefinition> copies = byId.get(id);
            for (Map.Entry<Integer, FeedDefinition> copy : copies.entrySet()) {
                if (placedByHost(copy.getValue(), copy.getKey())) {
                    return copy.getValue();
                }
            }
            return copies.values().iterator().next();
        }

        private boolean placedByHost(FeedDefinition feed, int partition) {
            try {
                return FeedPlacement.partition(feed.url(), partitions) == partition;
            } catch (IllegalArgumentException e) {
                return false; // a URL without a host, written by an older version: placed nowhere in particular
            }
        }
    }

    /**
     * Publishes {@code feeds}, each to its host's partition, moving those that were elsewhere; with {@code prune},
     * removes (tombstones) every registered feed not among them.
     *
     * @return the ids removed by pruning
     * @throws IllegalArgumentException if a feed's URL names no host
     */
    public List<String> push(List<FeedDefinition> feeds, boolean prune) {
        // One definition per id, the last given winning as it did on the topic, or two hosts would mean two places.
        Map<String, FeedDefinition> byId = new LinkedHashMap<>();
        for (FeedDefinition feed : feeds) {
            FeedPlacement.host(feed.url()); // a URL without a host fails the push here, before anything is written
            byId.remove(feed.id());
            byId.put(feed.id(), feed);
        }
        Table table = read();
        List<ProducerRecord<String, Object>> records = new ArrayList<>();
        Map<String, Integer> movedFrom = new HashMap<>();
        Map<String, Integer> movedTo = new HashMap<>();
        Set<String> keep = new HashSet<>();
        for (FeedDefinition feed : byId.values()) {
            keep.add(feed.id());
            int target = FeedPlacement.partition(feed.url(), table.partitions());
            Map<Integer, FeedDefinition> copies = table.byId().getOrDefault(feed.id(), Map.of());
            for (int old : copies.keySet()) {
                if (old != target) {
                    records.add(new ProducerRecord<>(Topics.FEEDS.name(), old, feed.id(), null));
                }
            }
            if (!copies.isEmpty() && !copies.containsKey(target)) {
                movedFrom.put(feed.id(), copies.keySet().iterator().next());
                movedTo.put(feed.id(), target);
            }
            records.add(new ProducerRecord<>(Topics.FEEDS.name(), target, feed.id(), feed));
        }
        List<String> removed = new ArrayList<>();
        if (prune) {
            table.byId().forEach((id, copies) -> {
                if (!keep.contains(id)) {
                    removed.add(id);
                    copies.keySet().forEach(p -> records.add(new ProducerRecord<>(Topics.FEEDS.name(), p, id, null)));
                }
            });
            removed.sort(Comparator.naturalOrder());
        }
        records.addAll(stateMoves(movedFrom, movedTo));
        send(records);
        if (!movedFrom.isEmpty()) {
            log.info("Moved {} feeds to the partition of their host in {}", movedFrom.size(), Topics.FEEDS.name());
        }
        return removed;
    }

    /** The latest state of each moved feed, copied to its new partition and tombstoned at the old one. */
    private List<ProducerRecord<String, Object>> stateMoves(Map<String, Integer> movedFrom,
            Map<String, Integer> movedTo) {
        if (movedFrom.isEmpty()) {
            return List.of();
        }
        Map<Integer, Long> from = new TreeMap<>();
        movedFrom.values().forEach(p -> from.put(p, 0L));
        Map<String, FeedState> latest = new HashMap<>();
        try (CompactedReader<FeedState> reader = new CompactedReader<>(clients, "raqib-feed-registry-state",
                Topics.FEED_STATE, timeout)) {
            if (reader.partitionCount().isEmpty()) {
                return List.of(); // no ingest has run yet: no state to carry
            }
            reader.read(from, record -> {
                if (Objects.equals(movedFrom.get(record.key()), record.partition())) {
                    latest.put(record.key(), record.value());
                }
            });
        }
        List<ProducerRecord<String, Object>> records = new ArrayList<>();
        latest.forEach((id, state) -> {
            if (state != null) {
                records.add(new ProducerRecord<>(Topics.FEED_STATE.name(), movedTo.get(id), id, state));
                records.add(new ProducerRecord<>(Topics.FEED_STATE.name(), movedFrom.get(id), id, null));
            }
        });
        return records;
    }

    private void send(List<ProducerRecord<String, Object>> records) {
        Map<String, Object> props = clients.properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        // One transaction per push, so a move (new place, tombstone, state) is seen whole or not at all. A fresh id
        // each time: two pushes at once (two ingest workers starting with ingest.feedsFile) must not fence each other.
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "raqib-feed-registry-" + UUID.randomUUID());
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Math.max(timeout.toMillis(), 1000));
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props, Topics.FEEDS.keySerde().serializer(),
                FeedRegistry::serialize)) {
            producer.initTransactions();
            producer.beginTransaction();
            try {
                records.forEach(producer::send);
                producer.commitTransaction();
            } catch (KafkaException e) {
                try {
                    producer.abortTransaction();
                } catch (KafkaException abort) {
                    e.addSuppressed(abort);
                }
                throw e;
            }
        } catch (KafkaException e) {
            throw new IllegalStateException("could not publish feeds to " + Topics.FEEDS.name() + " at "
                    + clients.bootstrapServers() + ": " + (e.getCause() == null ? e : e.getCause()).getMessage()
                    + "; check that the cluster is up and the topic exists (raqib topics)", e);
        }
    }

    private static byte[] serialize(String topic, Object value) {
        if (value == null) {
            return null; // a tombstone
        }
        if (value instanceof FeedDefinition feed) {
            return Topics.FEEDS.valueSerde().serializer().serialize(topic, feed);
        }
        if (value instanceof FeedState state) {
            return Topics.FEED_STATE.valueSerde().serializer().serialize(topic, state);
        }
        throw new IllegalArgumentException("the registry writes feeds and feed states only, not " + value);
    }

    /** The registered feeds, each once, by id. */
    public List<FeedDefinition> list() {
        Table table = read();
        List<FeedDefinition> sorted = new ArrayList<>();
        table.byId().keySet().forEach(id -> sorted.add(table.current(id)));
        sorted.sort(Comparator.comparing(FeedDefinition::id));
        return sorted;
    }

    private Table read() {
        Map<String, Map<Integer, FeedDefinition>> byId = new HashMap<>();
        try (CompactedReader<FeedDefinition> reader = new CompactedReader<>(clients, "raqib-feed-registry",
                Topics.FEEDS, timeout)) {
            int partitions = reader.partitionCount().orElseThrow(() -> new IllegalStateException("topic "
                    + Topics.FEEDS.name() + " does not exist at " + clients.bootstrapServers()
                    + "; create it with raqib topics or start raqib run"));
            Map<Integer, Long> from = new TreeMap<>();
            for (int p = 0; p < partitions; p++) {
                from.put(p, 0L);
            }
            reader.read(from, record -> {
                if (record.value() == null) {
                    Map<Integer, FeedDefinition> copies = byId.get(record.key());
                    if (copies != null && copies.remove(record.partition()) != null && copies.isEmpty()) {
                        byId.remove(record.key());
                    }
                } else {
                    byId.computeIfAbsent(record.key(), k -> new TreeMap<>()).put(record.partition(), record.value());
                }
            });
            return new Table(partitions, byId);
        } catch (KafkaException e) {
            throw new IllegalStateException("could not read " + Topics.FEEDS.name() + " at " + clients.bootstrapServers()
                    + ": " + e.getMessage() + "; check that the cluster is up", e);
        }
    }
}

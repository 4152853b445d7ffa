package org.raqib.ingest.poll;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.raqib.core.kafka.KafkaClients;
import org.raqib.core.kafka.LenientDeserializer;
import org.raqib.core.kafka.Topics;
import org.raqib.core.metrics.ClientMeters;
import org.raqib.core.model.Article;
import org.raqib.core.model.FeedDefinition;
import org.raqib.core.model.FeedState;
import org.raqib.ingest.registry.CompactedReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingest worker: a member of the consumer group over {@code raqib.feeds} that polls the feeds of its partitions
 * and publishes what it finds.
 *
 * <p><b>Sharing.</b> Workers with the same group id split the partitions of {@code raqib.feeds}; a feed belongs to
 * the worker that holds its partition, so adding or removing a worker moves feeds without polling one twice or
 * dropping one. A feed's state lives in the same-numbered partition of the compacted {@code raqib.feed-state}, so
 * the new owner reads it (validators, schedule, recent item ids) when it is assigned the partition.
 *
 * <p><b>Politeness across workers.</b> The registry puts every feed of one host on that host's partition
 * ({@code FeedPlacement}), so exactly one worker polls a host at a time and the per-host concurrency limit and delay
 * of its fetcher's {@code HostThrottle} hold for the whole group, not per worker. Article pages on hosts other than
 * their feed's are the exception: feeds of different hosts may link to one page host.
 *
 * <p><b>Moved feeds.</b> When a push moves a feed to another partition (its host changed), the registry writes, in
 * one transaction, the feed at its new partition, a tombstone at the old one, and a copy of its state in the new
 * partition of {@code raqib.feed-state}. A worker that sees a feed arrive in one of its partitions reads that state
 * partition onward from where it last read, so a moved feed keeps its validators and recent ids (a brand-new feed
 * costs the same short read and finds nothing). Should the copy not be visible yet, or the old owner commit a poll
 * after the move, the feed's items are published again under their stable article ids and the topology's dedupe
 * drops them.
 *
 * <p><b>No loss, no repeats.</b> Each feed's poll is one Kafka transaction, committed as soon as that poll ends: its
 * new articles, its new state and the group offsets of {@code raqib.feeds} (with the consumer's group metadata)
 * commit together or not at all.
 * A worker that dies mid-round leaves an open transaction that is aborted, so its articles never become visible to
 * {@code read_committed} readers and its feeds' states still say the items were not seen; the next owner polls them
 * again. A worker that was only presumed dead (a zombie) is fenced by the group generation in its offset commit.
 * Before reading state on assignment, the worker asks for the committed offsets, which under {@code read_committed}
 * waits for any pending transaction of the previous owner to finish (KIP-447).
 */
public final class IngestWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestWorker.class);
    private static final Duration STATE_READ_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaClients clients;
    private final String groupId;
    private final String workerId;
    private final FeedPoller poller;
    private final Clock clock;
    private final int batchSize;
    private final ExecutorService pollPool;
    private final Thread thread;
    private final Map<Integer, Map<String, FeedDefinition>> feeds = new ConcurrentHashMap<>();
    /** Per partition, the states of its feeds as last committed; only the worker's thread touches them. */
    private final Map<Integer, Map<String, FeedState>> states = new HashMap<>();
    /** Per partition of {@code raqib.feed-state}, where the next read of it starts. */
    private final Map<Integer, Long> stateOffsets = new HashMap<>();
    private final AtomicInteger rounds = new AtomicInteger();
    private volatile boolean running = true;
    private volatile boolean killed;
    private volatile Throwable failure;
    private KafkaConsumer<String, FeedDefinition> consumer;
    private KafkaProducer<String, Object> producer;
    private final ClientMeters clientMeters;
    /** Called inside each transaction with the number of articles sent, before the states; tests crash here. */
    volatile IntConsumer midTransaction = sent -> { };

    /**
     * A worker, not yet started.
     *
     * @param clients the cluster
     * @param groupId the consumer group workers share (configuration {@code ingest.groupId})
     * @param workerId unique among live workers, stable across restarts of one worker; names its transactional id
     * @param poller polls one feed
     * @param pollThreads feeds polled in parallel
     * @param registry receives the worker's Kafka client meters
     * @param clock decides which feeds are due
     */
    public IngestWorker(KafkaClients clients, String groupId, String workerId, FeedPoller poller, int pollThreads,
            MeterRegistry registry, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.poller = Objects.requireNonNull(poller, "poller");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clientMeters = new ClientMeters(registry);
        if (pollThreads < 1) {
            throw new IllegalArgumentException("pollThreads must be at least 1, got " + pollThreads);
        }
        this.batchSize = pollThreads * 4;
        AtomicInteger n = new AtomicInteger();
        this.pollPool = Executors.newFixedThreadPool(pollThreads, r -> {
            Thread t = new Thread(r, "raqib-ingest-" + workerId + "-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::run, "raqib-ingest-" + workerId);
    }

    /** Joins the group and starts polling on the worker's own thread. */
    public IngestWorker start() {
        thread.start();
        return this;
    }

    /** The ids of the feeds this worker polls now. */
    public Set<String> assignedFeeds() {
        Set<String> ids = new HashSet<>();
        feeds.values().forEach(m -> ids.addAll(m.keySet()));
        return ids;
    }

    /** Poll rounds committed so far. */
    public int committedRounds() {
        return rounds.get();
    }

    /** Whether the worker's thread is still running. */
    public boolean isAlive() {
        return thread.isAlive();
    }

    private void run() {
        try {
            Map<String, Object> consumerProps = clients.properties();
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "raqib-ingest-" + workerId);
            consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            // A feed definition that does not decode reads as a removal, so another tool's bad record cannot stop ingest.
            consumer = clientMeters.consumer(new KafkaConsumer<>(consumerProps, Topics.FEEDS.keySerde().deserializer(),
                    new LenientDeserializer<>(Topics.FEEDS.valueSerde().deserializer())));
            producer = newProducer();
            consumer.subscribe(List.of(Topics.FEEDS.name()), new Rebalance());
            log.info("Ingest worker {} joined group {}", workerId, groupId);
            while (running) {
                Set<Integer> arrivals = new HashSet<>();
                for (ConsumerRecord<String, FeedDefinition> record : consumer.poll(Duration.ofMillis(250))) {
                    if (record.key() == null) {
                        continue; // not a feed: the registry keys every feed by its id
                    }
                    Map<String, FeedDefinition> partition =
                            feeds.computeIfAbsent(record.partition(), p -> new ConcurrentHashMap<>());
                    if (record.value() == null) {
                        partition.remove(record.key()); // its state stays: the registry tombstones that itself
                    } else if (partition.put(record.key(), record.value()) == null) {
                        arrivals.add(record.partition());
                    }
                }
                if (!arrivals.isEmpty()) {
                    // New feeds, or feeds moved here whose state the registry copied in the same transaction.
                    readStates(arrivals);
                }
                pollDueFeeds();
            }
        } catch (WakeupException e) {
            // close() woke the consumer to stop
        } catch (OutOfOrderSequenceException | AuthorizationException e) {
            failure = e;
            log.error("Ingest worker {} stopped: {} (lost writes or no permission; check the cluster and the ACLs)",
                    workerId, e.toString());
        } catch (RuntimeException e) {
            if (!killed) {
                failure = e;
                log.error("Ingest worker {} stopped by an unexpected error", workerId, e);
            }
        } finally {
            shutdown();
        }
    }

    private KafkaProducer<String, Object> newProducer() {
        Map<String, Object> props = clients.properties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, groupId + "-" + workerId);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "raqib-ingest-" + workerId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        KafkaProducer<String, Object> created =
                new KafkaProducer<>(props, Topics.ARTICLES.keySerde().serializer(), this::serialize);
        created.initTransactions();
        return clientMeters.producer(created);
    }

    private byte[] serialize(String topic, Object value) {
        if (value instanceof Article article) {
            return Topics.ARTICLES.valueSerde().serializer().serialize(topic, article);
        }
        if (value instanceof FeedState state) {
            return Topics.FEED_STATE.valueSerde().serializer().serialize(topic, state);
        }
        throw new IllegalArgumentException("the ingest producer writes articles and feed states only, not " + value);
    }

    private record Due(int partition, FeedDefinition feed, FeedState state) {}

    private void pollDueFeeds() {
        Instant now = clock.instant();
        List<Due> due = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, FeedDefinition>> partition : feeds.entrySet()) {
            for (FeedDefinition feed : partition.getValue().values()) {
                FeedState state = statesOf(partition.getKey()).getOrDefault(feed.id(), FeedState.initial(feed.id()));
                if (state.nextPollAt() == null || !now.isBefore(state.nextPollAt())) {
                    due.add(new Due(partition.getKey(), feed, state));
                }
            }
        }
        if (due.isEmpty()) {
            return;
        }
        due.sort((a, b) -> nextPoll(a).compareTo(nextPoll(b)));
        List<Due> batch = due.subList(0, Math.min(batchSize, due.size()));
        // Each feed's result commits in its own transaction as soon as its poll ends, so a slow feed (a long
        // timeout, a polite delay) never holds back the articles of the fast ones polled beside it.
        ExecutorCompletionService<PollResult> completion = new ExecutorCompletionService<>(pollPool);
        Map<Future<PollResult>, Due> pending = new java.util.HashMap<>();
        batch.forEach(d -> pending.put(completion.submit(() -> poller.poll(d.feed(), d.state())), d));
        try {
            for (int i = 0; i < batch.size(); i++) {
                Future<PollResult> done = completion.take();
                commit(List.of(pending.get(done)), List.of(done.get()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a feed poll failed unexpectedly", e.getCause());
        }
    }

    private static Instant nextPoll(Due d) {
        return d.state().nextPollAt() == null ? Instant.MIN : d.state().nextPollAt();
    }

    private void commit(List<Due> batch, List<PollResult> results) {
        try {
            producer.beginTransaction();
            int sent = 0;
            for (PollResult result : results) {
                for (Article article : result.articles()) {
                    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.id(), article));
                    sent++;
                }
            }
            midTransaction.accept(sent);
            for (int i = 0; i < batch.size(); i++) {
                FeedState state = results.get(i).state();
                producer.send(new ProducerRecord<>(Topics.FEED_STATE.name(), batch.get(i).partition(), state.feedId(),
                        state));
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition tp : consumer.assignment()) {
                offsets.put(tp, new OffsetAndMetadata(consumer.position(tp)));
            }
            // The group metadata makes the commit fail if this worker lost its partitions meanwhile (zombie fencing).
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            if (killed) {
                throw e;
            }
            // Worker ids are unique, so this is our own transaction outliving transaction.timeout.ms (a stall): the
            // coordinator aborted it. Drop the round and start a fresh producer; the feeds are polled again.
            log.warn("Ingest worker {}: poll round aborted by the broker after a stall ({}); continuing with a new"
                    + " producer", workerId, e.toString());
            producer.close(Duration.ZERO);
            clientMeters.release(producer);
            producer = newProducer();
            return;
        } catch (OutOfOrderSequenceException | AuthorizationException e) {
            throw e;
        } catch (KafkaException | IllegalStateException e) {
            if (killed) {
                throw e;
            }
            log.warn("Ingest worker {}: poll round not committed ({}); its feeds will be polled again", workerId,
                    e.toString());
            producer.abortTransaction(); // if even this fails the worker stops: a new one starts clean
            return;
        }
        rounds.incrementAndGet();
        for (int i = 0; i < batch.size(); i++) {
            int partition = batch.get(i).partition();
            FeedState state = results.get(i).state();
            Map<String, FeedDefinition> owned = feeds.get(partition);
            if (owned != null && owned.containsKey(state.feedId())) {
                statesOf(partition).put(state.feedId(), state);
            }
        }
    }

    private Map<String, FeedState> statesOf(int partition) {
        return states.computeIfAbsent(partition, p -> new HashMap<>());
    }

    /** Loads and drops feeds and their states as partitions come and go. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            // Under read_committed this waits while a previous owner's transaction is still pending (KIP-447).
            consumer.committed(new HashSet<>(partitions), STATE_READ_TIMEOUT);
            partitions.forEach(tp -> {
                states.remove(tp.partition());
                stateOffsets.remove(tp.partition());
            });
            readStates(partitions.stream().map(TopicPartition::partition).toList());
            // Feeds are a table: read each assigned partition from the start to know all of its feeds.
            consumer.seekToBeginning(partitions);
            partitions.forEach(tp -> feeds.computeIfAbsent(tp.partition(), p -> new ConcurrentHashMap<>()));
            log.info("Ingest worker {} assigned partitions {} of {}", workerId,
                    partitions.stream().map(TopicPartition::partition).sorted().toList(), Topics.FEEDS.name());
        }

        private void drop(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                feeds.remove(tp.partition());
                states.remove(tp.partition());
                stateOffsets.remove(tp.partition());
            }
            if (!partitions.isEmpty()) {
                log.info("Ingest worker {} gave up partitions {}", workerId,
                        partitions.stream().map(TopicPartition::partition).sorted().toList());
            }
        }
    }

    /** Reads the given partitions of {@code raqib.feed-state} from where this worker last read them to the end. */
    private void readStates(Collection<Integer> partitions) {
        Map<Integer, Long> from = new HashMap<>();
        partitions.forEach(p -> from.put(p, stateOffsets.getOrDefault(p, 0L)));
        try (CompactedReader<FeedState> reader = new CompactedReader<>(clients, "raqib-ingest-" + workerId + "-state",
                Topics.FEED_STATE, STATE_READ_TIMEOUT)) {
            stateOffsets.putAll(reader.read(from, record -> {
                if (record.value() == null) {
                    statesOf(record.partition()).remove(record.key());
                } else {
                    statesOf(record.partition()).put(record.key(), record.value());
                }
            }));
        }
    }

    private void shutdown() {
        pollPool.shutdownNow();
        if (consumer != null) {
            try {
                consumer.close(killed
                        ? CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                                .withTimeout(Duration.ZERO)
                        : CloseOptions.timeout(Duration.ofSeconds(10)));
            } catch (KafkaException e) {
                log.debug("Ingest worker {}: consumer close: {}", workerId, e.toString());
            }
        }
        if (producer != null && !killed) {
            producer.close(Duration.ofSeconds(10));
        }
        clientMeters.close();
        log.info("Ingest worker {} stopped", workerId);
    }

    /** The error that stopped the worker, if one did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Stops the worker as a crash would, for tests and emergency stops: the open transaction is neither committed
     * nor aborted (the broker aborts it after the transaction timeout) and the worker does not leave the group (the
     * group notices after the session timeout).
     */
    public void kill() {
        killed = true;
        running = false;
        if (producer != null) {
            producer.close(Duration.ZERO);
        }
        if (Thread.currentThread() != thread) {
            awaitStop();
        }
    }

    /** Stops polling, finishes the current round, leaves the group and closes the clients. */
    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            pollPool.shutdownNow(); // never started: nothing else was opened
            return;
        }
        if (Thread.currentThread() != thread) {
            awaitStop();
        }
    }

    private void awaitStop() {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(120));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

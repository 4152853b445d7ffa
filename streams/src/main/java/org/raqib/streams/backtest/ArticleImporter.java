package org.raqib.streams.backtest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.raqib.core.model.Article;

/**
 * Loads historical articles into {@code raqib.articles}, keyed by article id, with the publication time as the
 * record timestamp, idempotently.
 *
 * <p>Idempotence: before writing, the importer scans the keys already on the topic (a plain {@code assign}ed
 * consumer from the beginning to the current end, values discarded) and skips those ids. A compacted companion
 * topic of imported ids was the alternative; it would be a second record of the truth that can disagree with the
 * topic (after retention deletes articles, or a failed import), while the key scan is exact and cheap at archive
 * sizes (a key scan of the SaudiNewsNet import reads about 31,000 keys). Ids are stable (SaudiNewsNet ids derive
 * from the URL), so re-reading the same file finds them all.
 *
 * <p>The producer is tuned for throughput (large lz4 batches, linger) while keeping {@code acks=all} and
 * idempotence, so a retried batch is not written twice.
 */
public final class ArticleImporter {

    /** Articles handed from the reader thread at a time, and batches it may read ahead. */
    private static final int BATCH = 256;
    private static final int QUEUED_BATCHES = 32;

    /** Marks the end of the archive on the reader's queue. */
    private static final List<Article> END = List.of();

    private final Map<String, Object> clientProperties;
    private final String topic;
    private final ArticleCleaning cleaning;

    /**
     * @param clientProperties base client properties (bootstrap servers, security)
     * @param topic the topic to write, normally {@code raqib.articles}
     * @param cleaning the live ingest's text cleaning, or {@link ArticleCleaning#NONE}
     */
    public ArticleImporter(Map<String, Object> clientProperties, String topic, ArticleCleaning cleaning) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.topic = Objects.requireNonNull(topic, "topic");
        this.cleaning = Objects.requireNonNull(cleaning, "cleaning");
    }

    /**
     * Imports every archive at {@code paths} (files or directories) and waits until Kafka has acknowledged it all.
     *
     * <p>A reader thread unzips, parses and cleans while the calling thread serialises and sends: the two halves
     * cost about the same, so an import uses two cores. Articles are sent in reading order.
     */
    public ImportSummary importFiles(List<Path> paths, Progress progress) throws IOException {
        Set<String> known = existingIds();
        FileArticles files = new FileArticles(paths, cleaning);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] counts = new long[2];
        BlockingQueue<List<Article>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "raqib-import-reader");
            t.setDaemon(true);
            return t;
        });
        Future<Void> reading = reader.submit(() -> read(files, queue));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                new ByteArraySerializer())) {
            for (List<Article> batch = take(queue); batch != END; batch = take(queue)) {
                for (Article article : batch) {
                    if (!known.add(article.id())) {
                        counts[1]++;
                        continue;
                    }
                    ArticleRecord record = FileArticles.record(article);
                    producer.send(new ProducerRecord<>(topic, null, record.timestamp().toEpochMilli(), record.key(),
                            record.value()), (meta, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                }
                            });
                    counts[0]++;
                }
                progress.update(counts[0] + counts[1], 0);
            }
            awaitReading(reading);
            producer.flush();
        } finally {
            reading.cancel(true);
            reader.shutdown();
            progress.finish();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused part of the import (" + failure.get().getMessage()
                    + "); run the same import again, articles already written are skipped", failure.get());
        }
        return new ImportSummary(counts[0], counts[1], files.rejected());
    }

    /** The reader thread: articles in batches onto {@code queue}, then {@link #END}, also when reading fails. */
    private static Void read(FileArticles files, BlockingQueue<List<Article>> queue) throws IOException,
            InterruptedException {
        List<List<Article>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
        try {
            files.forEachArticle(article -> {
                batch.get(0).add(article);
                if (batch.get(0).size() == BATCH) {
                    put(queue, batch.get(0));
                    batch.set(0, new ArrayList<>(BATCH));
                }
            });
            queue.put(batch.get(0));
        } finally {
            queue.put(END);
        }
        return null;
    }

    private static void put(BlockingQueue<List<Article>> queue, List<Article> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import cancelled", e);
        }
    }

    private static List<Article> take(BlockingQueue<List<Article>> queue) throws InterruptedIOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while importing");
        }
    }

    /** Rethrows what stopped the reader thread, if anything did. */
    private static void awaitReading(Future<Void> reading) throws IOException {
        try {
            reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while importing");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("reading the archive failed: " + e.getCause(), e.getCause());
        }
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        return props;
    }

    /** The keys on the topic now: a bounded scan with the value fetched but never deserialized. */
    Set<String> existingIds() {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Deserializer<Void> ignore = (t, data) -> null;
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, Void> consumer = new KafkaConsumer<>(props, new StringDeserializer(), ignore)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist; start 'raqib run' or create it"
                        + " with 'raqib topics'");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            ends.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!ends.isEmpty()) {
                for (ConsumerRecord<String, Void> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() != null) {
                        ids.add(r.key());
                    }
                }
                ends.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return ids;
    }
}

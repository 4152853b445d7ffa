package org.raqib.streams.backtest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * idempotence, so a retried batch is not written twice. Measured against lz4 (docs/benchmarks.md): without
 * compression the sending thread saves a quarter of a CPU-second per 31,000 articles but the broker spends no less
 * and stores nearly twice the bytes (108 MB against 56 MB for SaudiNewsNet); zstd makes the sending thread two and a
 * half times as busy.
 *
 * <p>Thread-safety: an instance holds only its settings; each {@link #importFiles} call has its own producer and
 * reading threads.
 */
public final class ArticleImporter {

    private final Map<String, Object> clientProperties;
    private final String topic;
    private final ArticleCleaning cleaning;
    private final int readers;

    /**
     * An importer that reads on as many threads as there are processors.
     *
     * @param clientProperties base client properties (bootstrap servers, security)
     * @param topic the topic to write, normally {@code raqib.articles}
     * @param cleaning the live ingest's text cleaning, or {@link ArticleCleaning#NONE}
     */
    public ArticleImporter(Map<String, Object> clientProperties, String topic, ArticleCleaning cleaning) {
        this(clientProperties, topic, cleaning, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param clientProperties base client properties (bootstrap servers, security)
     * @param topic the topic to write, normally {@code raqib.articles}
     * @param cleaning the live ingest's text cleaning, or {@link ArticleCleaning#NONE}
     * @param readers threads that read, clean and serialise articles, one archive file each at a time
     */
    public ArticleImporter(Map<String, Object> clientProperties, String topic, ArticleCleaning cleaning, int readers) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.topic = Objects.requireNonNull(topic, "topic");
        this.cleaning = Objects.requireNonNull(cleaning, "cleaning");
        if (readers < 1) {
            throw new IllegalArgumentException("readers must be at least 1, got " + readers);
        }
        this.readers = readers;
    }

    /**
     * Imports every archive at {@code paths} (files or directories) and waits until Kafka has acknowledged it all.
     *
     * <p>Reading threads unzip, parse, clean and serialise, one file each, skipping the ids already on the topic
     * before cleaning them; the calling thread sends the records in reading order (as {@link FileArticles} hands
     * them over), dropping an id already sent by this import. So the topic gets the same records in the same order
     * whatever the number of readers, and the first of two articles with one id wins.
     */
    public ImportSummary importFiles(List<Path> paths, Progress progress) throws IOException {
        Set<String> existing = existingIds();
        Set<String> sent = new HashSet<>();
        FileArticles files = new FileArticles(paths, cleaning);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] counts = new long[2];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                new ByteArraySerializer())) {
            files.forEach(readers, existing::contains, (records, skipped) -> {
                counts[1] += skipped;
                for (ArticleRecord record : records) {
                    if (!sent.add(record.key())) {
                        counts[1]++;
                        continue;
                    }
                    producer.send(new ProducerRecord<>(topic, null, record.timestamp().toEpochMilli(), record.key(),
                            record.value()), (meta, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                }
                            });
                    counts[0]++;
                }
                progress.update(counts[0] + counts[1], 0);
            });
            producer.flush();
        } finally {
            progress.finish();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused part of the import (" + failure.get().getMessage()
                    + "); run the same import again, articles already written are skipped", failure.get());
        }
        return new ImportSummary(counts[0], counts[1], files.rejected());
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

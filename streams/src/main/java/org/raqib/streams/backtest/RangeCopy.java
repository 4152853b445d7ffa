package org.raqib.streams.backtest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Replay by copy: the records of a time range of {@code raqib.articles} copied, with key, value and timestamp,
 * to another topic that a fresh pipeline reads. The live topic and its consumer groups are only read.
 */
public final class RangeCopy {

    private final Map<String, Object> clientProperties;

    public RangeCopy(Map<String, Object> clientProperties) {
        this.clientProperties = Map.copyOf(clientProperties);
    }

    /** Copies {@code [from, to)} of {@code source} to {@code target}; returns the number of records copied. */
    public long copy(String source, String target, Instant from, Instant to, Progress progress) {
        Objects.requireNonNull(progress, "progress");
        if (source.equals(target)) {
            throw new IllegalArgumentException("--to-topic must differ from " + source
                    + "; copying a topic onto itself would feed the live pipeline twice");
        }
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] copied = {0};
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            new ArticleRange(clientProperties, source, from, to).forEach(r -> {
                producer.send(new ProducerRecord<>(target, null, r.timestamp().toEpochMilli(), r.key(), r.value()),
                        (meta, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                progress.update(++copied[0], 0);
            });
            producer.flush();
        } finally {
            progress.finish();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused part of the copy to " + target + " (" + failure.get().getMessage()
                    + "); delete the topic and copy again", failure.get());
        }
        return copied[0];
    }
}

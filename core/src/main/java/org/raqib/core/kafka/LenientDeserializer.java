package org.raqib.core.kafka;

import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes with a delegate and turns an undecodable record into a null value, with a warning, instead of stopping
 * the consumer: a consumer that throws on a record throws on it at every poll, so one bad record written by another
 * tool would stop the service for good. On a compacted topic read as a table, the null reads as a tombstone: the
 * key's last good value is dropped, as the bad record meant to replace it.
 */
public final class LenientDeserializer<T> implements Deserializer<T> {

    private static final Logger log = LoggerFactory.getLogger(LenientDeserializer.class);

    private final Deserializer<T> delegate;

    /** Decodes with {@code delegate}. */
    public LenientDeserializer(Deserializer<T> delegate) {
        this.delegate = delegate;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        try {
            return data == null ? null : delegate.deserialize(topic, data);
        } catch (RuntimeException e) {
            log.warn("Skipping an undecodable record of {}: {}", topic, e.getMessage());
            return null;
        }
    }
}

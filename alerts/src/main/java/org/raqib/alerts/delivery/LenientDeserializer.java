package org.raqib.alerts.delivery;

import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes with a delegate and turns an undecodable record into a null value instead of stopping the consumer. */
final class LenientDeserializer<T> implements Deserializer<T> {

    private static final Logger log = LoggerFactory.getLogger(LenientDeserializer.class);

    private final Deserializer<T> delegate;

    LenientDeserializer(Deserializer<T> delegate) {
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

package org.raqib.streams.topology;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.raqib.core.model.DeadLetter;

/** Builds {@link DeadLetter}s from a processor's record and its origin (topic, partition, offset). */
final class DeadLetters {

    private DeadLetters() {}

    static DeadLetter of(String stage, String reason, Throwable error, String key, byte[] value,
            RecordMetadata origin, Instant at) {
        return DeadLetter.of(stage, reason, error, origin == null ? "" : origin.topic(),
                origin == null ? -1 : origin.partition(), origin == null ? -1 : origin.offset(), key, value, at);
    }
}

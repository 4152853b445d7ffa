package org.raqib.streams.topology;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.raqib.core.model.DeadLetter;

/** Builds {@link DeadLetter}s that keep the original bytes and say where a record came from and why it failed. */
final class DeadLetters {

    private DeadLetters() {}

    static DeadLetter of(String stage, String reason, Throwable error, String key, byte[] value,
            RecordMetadata origin, Instant at) {
        String text = utf8(value);
        return new DeadLetter(
                stage,
                reason,
                error == null ? "" : error.getClass().getName(),
                origin == null ? "" : origin.topic(),
                origin == null ? -1 : origin.partition(),
                origin == null ? -1 : origin.offset(),
                key == null ? "" : key,
                text != null ? text : Base64.getEncoder().encodeToString(value == null ? new byte[0] : value),
                text != null ? "utf-8" : "base64",
                at);
    }

    /** The bytes as text when they are valid UTF-8, else null. */
    private static String utf8(byte[] value) {
        if (value == null) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

package org.raqib.core.model;

import java.time.Instant;

/**
 * A record that could not be processed, with the reason, the value of {@code raqib.dlq}. Nothing is lost:
 * the original key and value are kept (as UTF-8 text, or base64 when they are not valid UTF-8).
 *
 * @param stage where it failed, for example {@code "deserialize"}, {@code "recognise"}, {@code "webhook"}
 * @param reason a sentence an operator can act on
 * @param exceptionClass the exception's class name, or empty
 * @param sourceTopic topic the record came from, or empty for records that were never on a topic
 * @param partition its partition, -1 when not applicable
 * @param offset its offset, -1 when not applicable
 * @param key original key text
 * @param value original value text
 * @param valueEncoding {@code "utf-8"} or {@code "base64"}
 * @param at when it was dead-lettered
 */
public record DeadLetter(
        String stage,
        String reason,
        String exceptionClass,
        String sourceTopic,
        int partition,
        long offset,
        String key,
        String value,
        String valueEncoding,
        Instant at) {

    /**
     * A dead letter for a record read from {@code sourceTopic}: the value is kept as text when it is valid UTF-8,
     * else as base64, so nothing of the original is lost.
     *
     * @param error the failure, or null
     * @param key the record's key as text, or null
     * @param value the record's original bytes, or null
     */
    public static DeadLetter of(String stage, String reason, Throwable error, String sourceTopic, int partition,
            long offset, String key, byte[] value, Instant at) {
        String text = utf8(value);
        return new DeadLetter(stage, reason, error == null ? "" : error.getClass().getName(),
                sourceTopic == null ? "" : sourceTopic, partition, offset, key == null ? "" : key,
                text != null ? text : java.util.Base64.getEncoder().encodeToString(value),
                text != null ? "utf-8" : "base64", at);
    }

    /** The bytes as text when they are valid UTF-8 (empty for null), else null. */
    private static String utf8(byte[] value) {
        if (value == null) {
            return "";
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(value))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }
}

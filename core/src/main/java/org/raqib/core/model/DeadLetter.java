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
        Instant at) {}

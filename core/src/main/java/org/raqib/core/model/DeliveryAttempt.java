package org.raqib.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt to deliver an alert on one channel.
 *
 * @param channel {@code webhook}, {@code email}, {@code sse} or {@code atom}
 * @param target where it went (URL, address), or empty
 * @param at when it was attempted
 * @param outcome {@code delivered}, {@code failed}, {@code retrying} or {@code dead-lettered}
 * @param detail status code or error message, or empty
 */
public record DeliveryAttempt(String channel, String target, Instant at, String outcome, String detail) {

    public DeliveryAttempt {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
    }
}

package org.raqib.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The delivery of one alert on one channel, the value of the compacted {@code raqib.alerts.retry} topic (keyed by
 * {@code alertId|channel type|target}). It is the delivery state that survives restarts: a {@code pending} record
 * is owed and is attempted at {@link #nextAttemptAt()}; {@code delivered} and {@code dead-lettered} are final and
 * followed by a tombstone.
 *
 * @param alert the alert to deliver
 * @param channel the channel and target
 * @param state {@code pending}, {@code delivered} or {@code dead-lettered}
 * @param attempts every attempt so far, oldest first
 * @param nextAttemptAt when the next attempt is due (pending only)
 */
public record PendingDelivery(
        Alert alert, Subscription.Channel channel, String state, List<DeliveryAttempt> attempts, Instant nextAttemptAt) {

    public PendingDelivery {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(channel, "channel");
        state = state == null ? "pending" : state;
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** The record's key: one delivery per alert, channel type and target. */
    public String key() {
        return alert.id() + "|" + channel.type() + "|" + (channel.target() == null ? "" : channel.target());
    }
}

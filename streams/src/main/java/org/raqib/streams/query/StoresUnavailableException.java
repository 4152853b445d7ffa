package org.raqib.streams.query;

import java.time.Duration;
import java.util.Objects;

/**
 * The stores cannot be queried now: the instances are rebalancing, restoring state, starting or stopping. The HTTP
 * layer answers 503 with {@code Retry-After}.
 */
public final class StoresUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How long a rebalance usually takes to settle: a sensible first wait before asking again. */
    public static final Duration REBALANCE_RETRY = Duration.ofSeconds(2);

    private final Duration retryAfter;

    /**
     * @param message why, for the caller
     * @param retryAfter when asking again is likely to succeed
     */
    public StoresUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** When asking again is likely to succeed. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

package org.raqib.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the n-th retry waits {@code first * 2^(n-1)}, capped at {@code max}, times a
 * random factor in [0.8, 1.2) so receivers coming back up are not hit by every sender at once; no retry is
 * scheduled later than {@code retryFor} after the first attempt.
 */
public final class RetryPolicy {

    private final Duration first;
    private final Duration max;
    private final Duration retryFor;
    private final DoubleSupplier random;

    /** A policy; {@code random} gives numbers in [0, 1). */
    public RetryPolicy(Duration first, Duration max, Duration retryFor, DoubleSupplier random) {
        this.first = first;
        this.max = max;
        this.retryFor = retryFor;
        this.random = random;
    }

    /**
     * When to try again after {@code attempts} failed attempts, the first made at {@code firstAttempt}; empty
     * when retrying is over.
     */
    public Optional<Instant> nextAttempt(int attempts, Instant firstAttempt, Instant now) {
        long base = first.toMillis() << Math.min(attempts - 1, 30);
        long capped = Math.min(base <= 0 ? Long.MAX_VALUE : base, max.toMillis());
        long delay = (long) (capped * (0.8 + 0.4 * random.getAsDouble()));
        Instant next = now.plusMillis(delay);
        return next.isAfter(firstAttempt.plus(retryFor)) ? Optional.empty() : Optional.of(next);
    }
}

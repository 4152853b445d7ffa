package org.raqib.ingest.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.raqib.core.model.FeedDefinition;
import org.raqib.core.model.FeedState;

/**
 * When a feed is polled next.
 *
 * <ul>
 *   <li>After a success the interval follows the feed's publishing rate: half the mean gap between its recent items'
 *       times, so a feed that publishes every ten minutes is polled every five. Without usable times, it halves after
 *       new items and grows by half after none. Always within the feed's min and max interval.</li>
 *   <li>After a failure: exponential backoff from the min interval, doubling per consecutive failure, capped at four
 *       times the max interval, with ±20% jitter so many feeds failing together do not retry together; a server's
 *       Retry-After is honoured when longer.</li>
 * </ul>
 */
public final class PollSchedule {

    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    private final RandomGenerator random;

    /** A schedule drawing its jitter from {@code random}. */
    public PollSchedule(RandomGenerator random) {
        this.random = random;
    }

    /**
     * The interval after a successful poll.
     *
     * @param previous the state before this poll
     * @param newItems how many new items this poll found
     * @param itemTimes the publication times of the feed's current items (any order)
     * @param now the time of this poll
     */
    public Duration afterSuccess(FeedDefinition feed, FeedState previous, int newItems, List<Instant> itemTimes,
            Instant now) {
        Duration target;
        Optional<Duration> gap = meanGap(itemTimes, now);
        if (gap.isPresent()) {
            target = gap.get().dividedBy(2);
        } else {
            Duration last = previousInterval(previous).orElse(feed.minInterval());
            target = newItems > 0 ? last.dividedBy(2) : last.plus(last.dividedBy(2));
        }
        return clamp(target, feed.minInterval(), feed.maxInterval());
    }

    /** The interval after the {@code failures}-th consecutive failure. */
    public Duration afterFailure(FeedDefinition feed, int failures, Optional<Duration> retryAfter) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        Duration backoff = feed.minInterval().multipliedBy(1L << doublings);
        Duration cap = feed.maxInterval().multipliedBy(4);
        if (backoff.compareTo(cap) > 0) {
            backoff = cap;
        }
        double jitter = 0.8 + 0.4 * random.nextDouble();
        backoff = Duration.ofMillis(Math.max(1, (long) (backoff.toMillis() * jitter)));
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter.get();
            if (asked.compareTo(backoff) > 0) {
                return asked;
            }
        }
        return backoff;
    }

    private static Optional<Duration> previousInterval(FeedState state) {
        if (state.lastPolledAt() == null || state.nextPollAt() == null || state.consecutiveFailures() > 0) {
            return Optional.empty();
        }
        Duration d = Duration.between(state.lastPolledAt(), state.nextPollAt());
        return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
    }

    /** Mean gap between the newest ten item times, counting the time since the newest (a feed that went quiet). */
    private static Optional<Duration> meanGap(List<Instant> times, Instant now) {
        List<Instant> recent = times.stream().filter(t -> !t.isAfter(now)).sorted((a, b) -> b.compareTo(a))
                .limit(10).toList();
        if (recent.size() < 2) {
            return Optional.empty();
        }
        Duration span = Duration.between(recent.get(recent.size() - 1), recent.get(0));
        Duration mean = span.dividedBy(recent.size() - 1);
        Duration quiet = Duration.between(recent.get(0), now);
        // A feed silent for longer than its usual gap is slowing down: let the silence count.
        return Optional.of(quiet.compareTo(mean) > 0 ? quiet : mean);
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}

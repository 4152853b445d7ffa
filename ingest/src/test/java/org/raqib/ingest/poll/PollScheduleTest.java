package org.raqib.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.raqib.core.model.FeedDefinition;
import org.raqib.core.model.FeedState;

class PollScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final FeedDefinition FEED = new FeedDefinition("f", "https://example.org/rss", null, null, null,
            null, Duration.ofMinutes(1), Duration.ofMinutes(30), false, false);

    private final PollSchedule schedule = new PollSchedule(new Random(42));

    @Test
    void pollsAFeedAtHalfItsPublishingGap() {
        List<Instant> everyTenMinutes = List.of(NOW.minusSeconds(120), NOW.minusSeconds(720), NOW.minusSeconds(1320));

        assertThat(schedule.afterSuccess(FEED, FeedState.initial("f"), 1, everyTenMinutes, NOW))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void keepsTheIntervalWithinTheFeedsBounds() {
        List<Instant> everySecond = List.of(NOW, NOW.minusSeconds(1), NOW.minusSeconds(2));
        List<Instant> daily = List.of(NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(2)));

        assertThat(schedule.afterSuccess(FEED, FeedState.initial("f"), 3, everySecond, NOW)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.afterSuccess(FEED, FeedState.initial("f"), 0, daily, NOW)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void slowsDownAFeedWithoutDatesThatHasNothingNew() {
        FeedState polledEveryFourMinutes = new FeedState("f", null, null, NOW, NOW.plusSeconds(240), null, 0, List.of());

        assertThat(schedule.afterSuccess(FEED, polledEveryFourMinutes, 0, List.of(), NOW)).isEqualTo(Duration.ofMinutes(6));
        assertThat(schedule.afterSuccess(FEED, polledEveryFourMinutes, 2, List.of(), NOW)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void backsOffExponentiallyWithJitterAfterFailures() {
        Duration first = schedule.afterFailure(FEED, 1, Optional.empty());
        Duration third = schedule.afterFailure(FEED, 3, Optional.empty());
        Duration tenth = schedule.afterFailure(FEED, 10, Optional.empty());

        assertThat(first).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));
        assertThat(third).isBetween(Duration.ofSeconds(192), Duration.ofSeconds(288));
        assertThat(tenth).isBetween(Duration.ofMinutes(96), Duration.ofMinutes(144)); // capped at 4 × max interval
    }

    @Test
    void honoursALongerRetryAfterButNotAShorterOne() {
        assertThat(schedule.afterFailure(FEED, 1, Optional.of(Duration.ofHours(2)))).isEqualTo(Duration.ofHours(2));
        assertThat(schedule.afterFailure(FEED, 1, Optional.of(Duration.ofSeconds(1)))).isGreaterThan(Duration.ofSeconds(40));
    }
}

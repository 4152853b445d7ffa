package org.raqib.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final Instant t0 = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void doublesTheDelayWithJitterUpToTheCap() {
        RetryPolicy low = new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24), () -> 0.0);
        RetryPolicy high = new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24), () -> 0.999);
        assertThat(low.nextAttempt(1, t0, t0)).contains(t0.plusSeconds(4));
        assertThat(low.nextAttempt(3, t0, t0)).contains(t0.plusSeconds(16));
        assertThat(high.nextAttempt(3, t0, t0).orElseThrow()).isBefore(t0.plusSeconds(24));
        assertThat(low.nextAttempt(40, t0, t0)).contains(t0.plus(Duration.ofMinutes(48)));
    }

    @Test
    void stopsRetryingAfterTheHorizon() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24), () -> 0.5);
        assertThat(policy.nextAttempt(30, t0, t0.plus(Duration.ofHours(23).plusMinutes(30)))).isEmpty();
    }
}

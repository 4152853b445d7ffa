package org.raqib.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HostThrottleTest {

    @Test
    @Timeout(60)
    void neverLetsMoreThanTheLimitIntoOneHostAtOnce() throws InterruptedException {
        HostThrottle throttle = new HostThrottle(2, Duration.ZERO);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    try (HostThrottle.Permit permit = throttle.acquire("News.Example")) {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.yield();
                        inside.decrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "throttle-test-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    @Timeout(60)
    void keepsHostsIndependent() throws InterruptedException {
        HostThrottle throttle = new HostThrottle(1, Duration.ofMillis(1));
        try (HostThrottle.Permit busy = throttle.acquire("a.example");
                HostThrottle.Permit other = throttle.acquire("b.example")) {
            assertThat(other).isNotNull(); // reaching here means b did not wait for a
        }
    }
}

package org.raqib.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DestinationLimiterTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void namesADestinationByLowerCaseHostAndPortWithTheSchemesDefault() {
        assertThat(DestinationLimiter.destinationOf(URI.create("https://Hooks.Example.org/services/T1/B2")))
                .isEqualTo("hooks.example.org:443");
        assertThat(DestinationLimiter.destinationOf(URI.create("http://example.org/a"))).isEqualTo("example.org:80");
        assertThat(DestinationLimiter.destinationOf(URI.create("http://127.0.0.1:8080/hook")))
                .isEqualTo(DestinationLimiter.destinationOf(URI.create("http://127.0.0.1:8080/other?x=1")))
                .isNotEqualTo(DestinationLimiter.destinationOf(URI.create("http://127.0.0.1:8081/hook")));
    }

    @Test
    void startsWaitingRequestsOfADestinationInTheOrderTheyCame() throws Exception {
        DestinationLimiter limiter = new DestinationLimiter(1, executor);
        CountDownLatch gate = new CountDownLatch(1);
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        results.add(limiter.submit("a:80", () -> {
            await(gate);
            order.add(0);
            return 0;
        }));
        for (int i = 1; i < 6; i++) {
            int n = i;
            results.add(limiter.submit("a:80", () -> {
                order.add(n);
                return n;
            }));
        }
        assertThat(limiter.waiting("a:80")).isEqualTo(5);

        gate.countDown();
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(limiter.running("a:80")).isZero();
    }

    @Test
    void runsAnotherDestinationsRequestWhileOneDestinationIsFull() throws Exception {
        DestinationLimiter limiter = new DestinationLimiter(2, executor);
        CountDownLatch gate = new CountDownLatch(1);
        List<CompletableFuture<String>> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(limiter.submit("slow:80", () -> {
                await(gate);
                return "slow";
            }));
        }

        assertThat(limiter.submit("fast:80", () -> "fast").get(60, TimeUnit.SECONDS)).isEqualTo("fast");
        assertThat(limiter.running("slow:80")).isEqualTo(2);
        assertThat(limiter.waiting("slow:80")).isEqualTo(1);
        assertThat(held).noneMatch(CompletableFuture::isDone);
        gate.countDown();
        CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    @Test
    void aFailingRequestFreesItsPlace() throws Exception {
        DestinationLimiter limiter = new DestinationLimiter(1, executor);
        CompletableFuture<String> failing = limiter.submit("a:80", () -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<String> next = limiter.submit("a:80", () -> "next");

        assertThat(next.get(60, TimeUnit.SECONDS)).isEqualTo("next");
        assertThatThrownBy(failing::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("boom");
    }

    @Test
    void failsRequestsOnceTheExecutorHasShutDown() throws Exception {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        DestinationLimiter limiter = new DestinationLimiter(1, closed);

        CompletableFuture<String> first = limiter.submit("a:80", () -> "never");
        CompletableFuture<String> second = limiter.submit("a:80", () -> "never");

        assertThatThrownBy(first::join).hasCauseInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(second::join).hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(limiter.running("a:80")).isZero();
        assertThat(limiter.waiting()).isZero();
    }

    @Test
    void rejectsALimitBelowOne() {
        assertThatThrownBy(() -> new DestinationLimiter(0, executor))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit must be at least 1, got 0");
    }

    private static void await(CountDownLatch gate) {
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

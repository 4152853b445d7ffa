package org.raqib.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.raqib.alerts.Fixtures;
import org.raqib.alerts.delivery.webhook.AddressGuard;
import org.raqib.alerts.delivery.webhook.HttpPoster;
import org.raqib.alerts.delivery.webhook.WebhookChannel;
import org.raqib.core.model.Alert;
import org.raqib.core.model.Subscription;
import org.raqib.core.testing.MutableClock;

/**
 * The webhook channel's per-destination limit against real receivers on loopback (two ports, so two destinations):
 * one that holds every request and one that answers at once.
 */
class DestinationLimitTest {

    private static final int LIMIT = 2;
    private static final Subscription SUBSCRIPTION = new Subscription("hook", "admin", "hook", List.of(), List.of(),
            List.of(), false, 0, List.of(), List.of(), List.of(), "low", "", null, 0);

    private final ExecutorService senders = Executors.newCachedThreadPool();
    private final DestinationLimiter limiter = new DestinationLimiter(LIMIT, senders);
    private final WebhookChannel channel = new WebhookChannel(new AddressGuard(true), Duration.ofSeconds(60),
            Clock.systemUTC(), new HttpPoster(Duration.ofSeconds(60), limiter, senders));

    @AfterEach
    void stopSenders() throws InterruptedException {
        senders.shutdownNow();
        senders.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void sendsAtMostTheLimitToASlowReceiverWhileAnotherGetsEverythingAtOnce() throws Exception {
        try (WebhookReceiver slow = new WebhookReceiver(); WebhookReceiver fast = new WebhookReceiver()) {
            slow.holdRequests();
            String slowDestination = DestinationLimiter.destinationOf(URI.create(slow.url()));
            List<CompletableFuture<DeliveryResult>> toSlow = new ArrayList<>();
            List<CompletableFuture<DeliveryResult>> toFast = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                toSlow.add(channel.deliver(alert("slow-" + i), SUBSCRIPTION, slow.url()));
            }
            for (int i = 0; i < 6; i++) {
                toFast.add(channel.deliver(alert("fast-" + i), SUBSCRIPTION, fast.url()));
            }

            assertThatEventually(() -> assertThat(slow.inFlight()).isEqualTo(LIMIT));
            CompletableFuture.allOf(toFast.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(toFast).allSatisfy(f -> assertThat(f.join().delivered()).isTrue());
            assertThat(fast.received()).hasSize(6);
            // The fast receiver got everything while the slow one still holds its first requests.
            assertThat(slow.received()).isEmpty();
            assertThat(toSlow).noneMatch(CompletableFuture::isDone);
            assertThat(limiter.running(slowDestination)).isEqualTo(LIMIT);
            assertThat(limiter.waiting(slowDestination)).isEqualTo(6 - LIMIT);

            slow.release();
            CompletableFuture.allOf(toSlow.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(toSlow).allSatisfy(f -> assertThat(f.join().delivered()).isTrue());
            assertThat(slow.received()).extracting(WebhookReceiver.Received::id)
                    .containsExactlyInAnyOrder("slow-0", "slow-1", "slow-2", "slow-3", "slow-4", "slow-5");
            assertThat(slow.mostAtOnce()).isEqualTo(LIMIT);
            assertThat(limiter.running(slowDestination)).isZero();
            assertThat(limiter.waiting()).isZero();
        }
    }

    @Test
    void stampsAndSignsAQueuedRequestWhenItIsSentNotWhenItWasQueued() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        Subscription signed = new Subscription("hook", "admin", "hook", List.of(), List.of(), List.of(), false, 0,
                List.of(), List.of(), List.of(), "low", secret, null, 0);
        MutableClock now = new MutableClock(Fixtures.T0);
        WebhookChannel timed = new WebhookChannel(new AddressGuard(true), Duration.ofSeconds(60), now,
                new HttpPoster(Duration.ofSeconds(60), limiter, senders));
        try (WebhookReceiver slow = new WebhookReceiver()) {
            slow.secret(secret);
            slow.holdRequests();
            List<CompletableFuture<DeliveryResult>> sent = new ArrayList<>();
            for (int i = 0; i < LIMIT + 2; i++) {
                sent.add(timed.deliver(alert("signed-" + i), signed, slow.url()));
            }
            assertThatEventually(() -> assertThat(slow.inFlight()).isEqualTo(LIMIT));
            now.set(Fixtures.T0.plusSeconds(600));

            slow.release();
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(slow.received()).hasSize(LIMIT + 2).allMatch(WebhookReceiver.Received::signatureValid);
            assertThat(slow.received()).extracting(WebhookReceiver.Received::timestamp).containsExactlyInAnyOrder(
                    stamp(Fixtures.T0), stamp(Fixtures.T0), stamp(now.instant()), stamp(now.instant()));
        }
    }

    private static String stamp(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }

    private static Alert alert(String id) {
        return new Alert(id, SUBSCRIPTION.id(), "new", Fixtures.T0, Fixtures.storylineMatch("article-" + id));
    }
}

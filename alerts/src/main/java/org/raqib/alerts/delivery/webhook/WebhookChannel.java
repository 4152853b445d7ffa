package org.raqib.alerts.delivery.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.raqib.alerts.delivery.DeliveryChannel;
import org.raqib.alerts.delivery.DeliveryResult;
import org.raqib.core.json.Json;
import org.raqib.core.model.Alert;
import org.raqib.core.model.Subscription;

/**
 * POSTs an alert as a CloudEvents 1.0 structured event ({@code application/cloudevents+json}; type
 * {@code org.raqib.alert.new} or {@code org.raqib.alert.also-reported}; {@code id} the alert id) signed per
 * Standard Webhooks ({@code webhook-id} = alert id, the same on every retry, so receivers dedupe by it). A 2xx
 * answer is delivered; anything else, a timeout or a connection error is retried; a destination refused by the
 * {@link AddressGuard} fails for good. Requests go through the {@link HttpPoster}, so a slow receiver holds only its
 * own destination's requests, at most the per-destination limit of them at a time.
 */
public final class WebhookChannel implements DeliveryChannel {

    private final HttpPoster poster;
    private final AddressGuard guard;
    private final Duration timeout;
    private final Clock clock;

    /** A channel sending through {@code poster}, each attempt limited to {@code timeout}. */
    public WebhookChannel(AddressGuard guard, Duration timeout, Clock clock, HttpPoster poster) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poster = Objects.requireNonNull(poster, "poster");
    }

    @Override
    public String type() {
        return "webhook";
    }

    /** The CloudEvents structured body of {@code alert}. */
    public static String body(Alert alert) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("type", "org.raqib.alert." + alert.kind());
        event.put("source", "/raqib/alerts/subscriptions/" + alert.subscriptionId());
        event.put("id", alert.id());
        event.put("time", alert.createdAt());
        event.put("subject", alert.match().articleId());
        event.put("datacontenttype", "application/json");
        event.put("data", alert);
        return Json.write(event);
    }

    @Override
    public CompletableFuture<DeliveryResult> deliver(Alert alert, Subscription subscription, String target) {
        URI url;
        try {
            url = URI.create(target);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(DeliveryResult.permanent("invalid webhook URL: " + target));
        }
        Optional<String> refusal = guard.refusal(url);
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(DeliveryResult.permanent(refusal.get()));
        }
        String body = body(alert);
        return poster.post(url, () -> {
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .header("User-Agent", "Raqib-Webhooks/1")
                    .header("webhook-id", alert.id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (!subscription.secret().isEmpty()) {
                request.header("webhook-signature",
                        WebhookSignature.sign(subscription.secret(), alert.id(), timestamp, body));
            }
            return request.build();
        });
    }
}

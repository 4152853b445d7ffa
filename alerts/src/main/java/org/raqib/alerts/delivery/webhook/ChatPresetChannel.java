package org.raqib.alerts.delivery.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.raqib.alerts.delivery.DeliveryChannel;
import org.raqib.alerts.delivery.DeliveryResult;
import org.raqib.core.json.Json;
import org.raqib.core.model.Alert;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Subscription;

/**
 * Slack- and Teams-compatible payload presets: channel types {@code slack} and {@code teams} whose target is an
 * incoming-webhook URL. The body is the chat service's own format (Slack {@code {"text": ...}} with a link, Teams
 * a MessageCard) rather than a CloudEvent, and unsigned, since those services authenticate by the secret URL.
 * Same SSRF guard, timeout, retries and per-destination limit as {@link WebhookChannel}.
 */
public final class ChatPresetChannel implements DeliveryChannel {

    private final String type;
    private final HttpPoster poster;
    private final AddressGuard guard;
    private final Duration timeout;

    /** A preset of {@code type} ({@code slack} or {@code teams}) sending through {@code poster}. */
    public ChatPresetChannel(String type, AddressGuard guard, Duration timeout, HttpPoster poster) {
        if (!List.of("slack", "teams").contains(type)) {
            throw new IllegalArgumentException("chat preset must be slack or teams, got " + type);
        }
        this.type = type;
        this.guard = Objects.requireNonNull(guard, "guard");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.poster = Objects.requireNonNull(poster, "poster");
    }

    @Override
    public String type() {
        return type;
    }

    /** The payload of {@code alert} for this preset. */
    public String body(Alert alert) {
        String labels = String.join(", ", alert.match().entities().stream().map(EntityHit::label).toList());
        String prefix = alert.kind().equals("also-reported") ? "Also reported: " : "";
        Map<String, Object> body = new LinkedHashMap<>();
        if (type.equals("slack")) {
            body.put("text", prefix + "<" + alert.match().url() + "|" + alert.match().title().replace(">", "›") + ">"
                    + " — " + alert.match().source() + (labels.isEmpty() ? "" : " [" + labels + "]"));
        } else {
            body.put("@type", "MessageCard");
            body.put("@context", "https://schema.org/extensions");
            body.put("summary", prefix + alert.match().title());
            body.put("title", prefix + alert.match().title());
            body.put("text", alert.match().source() + (labels.isEmpty() ? "" : " [" + labels + "]") + " — "
                    + alert.match().url());
        }
        return Json.write(body);
    }

    @Override
    public CompletableFuture<DeliveryResult> deliver(Alert alert, Subscription subscription, String target) {
        URI url;
        try {
            url = URI.create(target);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(DeliveryResult.permanent("invalid " + type + " URL: " + target));
        }
        Optional<String> refusal = guard.refusal(url);
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(DeliveryResult.permanent(refusal.get()));
        }
        String body = body(alert);
        return poster.post(url, () -> HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}

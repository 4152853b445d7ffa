package org.raqib.alerts.delivery;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.raqib.core.model.Alert;
import org.raqib.core.model.Subscription;

/** A push channel: delivers one alert to one target without blocking the caller. */
public interface DeliveryChannel {

    /** The channel type it handles, as in {@link Subscription.Channel#type()}. */
    String type();

    /**
     * Attempts one delivery. The future completes (never exceptionally) with the outcome, within the configured
     * delivery timeout.
     *
     * @param alert the alert
     * @param subscription its subscription (secret, name)
     * @param target the channel's target (URL, address)
     */
    CompletableFuture<DeliveryResult> deliver(Alert alert, Subscription subscription, String target);

    /**
     * Delivers several alerts at once, as one digest where the channel has them; by default one after another,
     * succeeding only when every one did.
     */
    default CompletableFuture<DeliveryResult> deliverAll(List<Alert> alerts, Subscription subscription, String target) {
        CompletableFuture<DeliveryResult> result = CompletableFuture.completedFuture(DeliveryResult.ok("nothing to send"));
        for (Alert alert : alerts) {
            result = result.thenCompose(previous -> previous.delivered()
                    ? deliver(alert, subscription, target)
                    : CompletableFuture.completedFuture(previous));
        }
        return result;
    }
}

package org.raqib.alerts.delivery;

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
}

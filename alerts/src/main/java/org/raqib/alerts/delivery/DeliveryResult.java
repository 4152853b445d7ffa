package org.raqib.alerts.delivery;

/**
 * The outcome of one delivery attempt.
 *
 * @param delivered whether the receiver accepted it
 * @param retryable whether a later attempt may succeed (false for refused destinations)
 * @param detail status code or error, for the attempt history
 */
public record DeliveryResult(boolean delivered, boolean retryable, String detail) {

    /** Accepted. */
    public static DeliveryResult ok(String detail) {
        return new DeliveryResult(true, false, detail);
    }

    /** Failed; worth retrying. */
    public static DeliveryResult retry(String detail) {
        return new DeliveryResult(false, true, detail);
    }

    /** Failed for good. */
    public static DeliveryResult permanent(String detail) {
        return new DeliveryResult(false, false, detail);
    }
}

package org.raqib.alerts.subscriptions;

/**
 * One problem with one field of a subscription, as the API reports it ({@code {"field":..,"message":..}}).
 *
 * @param field the JSON field, with a list index when needed, for example {@code channels[0].target}
 * @param message what is wrong and what to send instead
 */
public record FieldError(String field, String message) {}

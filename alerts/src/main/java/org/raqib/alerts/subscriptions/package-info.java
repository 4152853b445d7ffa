/**
 * Subscriptions: the view of the compacted {@code raqib.subscriptions} topic, writing to it, validating
 * subscribers' input, deciding which matches a subscription wants, and the built-in {@code all-storyline}
 * subscription.
 */
package org.raqib.alerts.subscriptions;

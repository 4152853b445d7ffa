/**
 * Fan-out: turns each match on {@code raqib.matches} into one alert per subscription that wants it, on
 * {@code raqib.alerts}, with ids that are stable across restarts.
 */
package org.raqib.alerts.fanout;

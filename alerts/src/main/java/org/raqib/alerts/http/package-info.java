/**
 * The alerts HTTP API: bearer-token access, alert history, the live stream of server-sent events, subscriptions,
 * and health; other modules add their routes (metrics, rules) as plug-ins.
 */
package org.raqib.alerts.http;

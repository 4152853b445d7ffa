/**
 * Raqib alerts: turns matches into alerts and deliveries. {@link org.raqib.alerts.AlertsService} composes the
 * pieces — subscriptions ({@code subscriptions}), fan-out ({@code fanout}), the alert history view
 * ({@code history}) and the HTTP API ({@code http}).
 */
package org.raqib.alerts;

/**
 * The webhook channel: CloudEvents 1.0 structured JSON, signed per Standard Webhooks, sent only to public
 * addresses unless configured otherwise.
 */
package org.raqib.alerts.delivery.webhook;

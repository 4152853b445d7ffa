/**
 * Delivery of alerts on push channels (webhook, email). {@code AlertDispatcher} turns each alert into one owed
 * delivery per channel on the compacted {@code raqib.alerts.retry} topic; {@code DeliveryLedger} owns those
 * deliveries per partition, attempts them, and records each outcome back to the topic, so a restart delivers
 * everything still owed. Delivery is at-least-once: receivers dedupe by the alert id ({@code webhook-id}).
 */
package org.raqib.alerts.delivery;

package io.slawatch.notify;

import io.slawatch.model.Alert;

/**
 * One request owed to one receiver.
 *
 * @param id what the receiver dedupes on: the alert id, with {@code :resolved} for a resolution
 * @param kafkaTimestamp when the alert (or the outcome that ended it) reached Kafka, in epoch
 *     milliseconds: delivery latency is measured from it
 */
public record Delivery(
        String receiver, String id, DeliveryAction action, Alert alert, long kafkaTimestamp) {

    public static Delivery of(
            String receiver, DeliveryAction action, Alert alert, long kafkaTimestamp) {
        return new Delivery(
                receiver,
                action == DeliveryAction.RESOLVED ? alert.alertId() + ":resolved" : alert.alertId(),
                action,
                alert,
                kafkaTimestamp);
    }

    /** {@code {ticketId}:{clock}:{cycle}}: one clock cycle, PagerDuty's dedup key. */
    public String cycleKey() {
        return cycleKey(alert);
    }

    public static String cycleKey(Alert alert) {
        return alert.ticketId() + ':' + alert.clock() + ':' + alert.cycle();
    }
}

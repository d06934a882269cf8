package io.slawatch.notify;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.QuarantineRecord;

/**
 * What the notifier reads: an alert, or the outcome of a clock cycle (which ends whatever still
 * fires for it), or a record it could not read and quarantines. {@code kafkaTimestamp} is when it
 * reached Kafka, in epoch milliseconds.
 */
public record Notice(
        Alert alert, ClockOutcome outcome, QuarantineRecord unreadable, long kafkaTimestamp) {

    public static Notice of(Alert alert, long kafkaTimestamp) {
        return new Notice(alert, null, null, kafkaTimestamp);
    }

    public static Notice of(ClockOutcome outcome, long kafkaTimestamp) {
        return new Notice(null, outcome, null, kafkaTimestamp);
    }

    public static Notice unreadable(QuarantineRecord why) {
        return new Notice(null, null, why, 0);
    }

    public String ticketId() {
        return alert != null ? alert.ticketId() : outcome.ticketId();
    }
}

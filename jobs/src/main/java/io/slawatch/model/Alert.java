package io.slawatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * An alert on the topic {@code slawatch.alerts}.
 *
 * <p>{@code overdueSeconds} is set for BREACHED, ESCALATED and MET_LATE, {@code remainingSeconds}
 * for AT_RISK; RETRACTED names the alert it withdraws in {@code retractsAlertId}. PREDICTED_BREACH
 * and PREDICTION_CLEARED carry the arrival the technician's latest ETA predicts ({@code
 * predictedArrivalAt}), how late that is ({@code predictedLateSeconds}, 0 when in time) and the
 * probability of arriving after the deadline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(
        String alertId,
        String ticketId,
        ClockType clock,
        AlertKind kind,
        int level,
        int cycle,
        Instant startedAt,
        Instant deadline,
        Instant eventTime,
        long targetSeconds,
        Long overdueSeconds,
        Long remainingSeconds,
        String retractsAlertId,
        Instant predictedArrivalAt,
        Long predictedLateSeconds,
        Double probability,
        @JsonUnwrapped TicketAttributes attributes) {

    /** The deterministic id: the same condition on the same clock always has the same id. */
    public static String alertId(
            String ticketId, ClockType clock, int cycle, AlertKind kind, int level) {
        return ticketId + ':' + clock + ':' + cycle + ':' + kind + ':' + level;
    }

    /**
     * The ticket of an alert id from {@link #alertId}; null when {@code alertId} does not have its
     * shape. Ticket ids may contain ':', so the four fixed parts are taken from the end.
     */
    public static String ticketIdOf(String alertId) {
        if (alertId == null) {
            return null;
        }
        int end = alertId.length();
        for (int part = 0; part < 4; part++) {
            end = alertId.lastIndexOf(':', end - 1);
            if (end <= 0) {
                return null;
            }
        }
        return alertId.substring(0, end);
    }
}

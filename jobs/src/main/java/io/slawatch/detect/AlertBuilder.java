package io.slawatch.detect;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.state.ClockState;
import io.slawatch.state.TicketState;
import java.time.Instant;

/** Builds an alert that carries who held the ticket, and its attributes, at that moment. */
final class AlertBuilder {

    private final TicketState state;
    private final String ticketId;
    private final ClockState clock;
    private final AlertKind kind;
    private final int level;
    private final long eventTime;
    private final long deadline;
    private Long overdueSeconds;
    private Long remainingSeconds;
    private String retractsAlertId;

    AlertBuilder(
            TicketState state,
            String ticketId,
            ClockState clock,
            AlertKind kind,
            int level,
            long eventTime,
            long deadline) {
        this.state = state;
        this.ticketId = ticketId;
        this.clock = clock;
        this.kind = kind;
        this.level = level;
        this.eventTime = eventTime;
        this.deadline = deadline;
    }

    AlertBuilder overdue(long seconds) {
        this.overdueSeconds = seconds;
        return this;
    }

    AlertBuilder remaining(long seconds) {
        this.remainingSeconds = seconds;
        return this;
    }

    AlertBuilder retracts(String alertId) {
        this.retractsAlertId = alertId;
        return this;
    }

    Alert build() {
        return new Alert(
                Alert.alertId(ticketId, clock.type, clock.cycle, kind, level),
                ticketId,
                clock.type,
                kind,
                level,
                clock.cycle,
                Instant.ofEpochMilli(clock.startedAt),
                Instant.ofEpochMilli(deadline),
                Instant.ofEpochMilli(eventTime),
                clock.targetSeconds,
                overdueSeconds,
                remainingSeconds,
                retractsAlertId,
                null,
                null,
                null,
                state.attributes());
    }
}

package io.slawatch.detect;

import static io.slawatch.detect.Deadlines.ceilSeconds;
import static io.slawatch.detect.Deadlines.floorSecond;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.policy.Escalation;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.state.ClockState;
import io.slawatch.state.ClockStatus;
import io.slawatch.state.TicketState;
import java.io.Serializable;
import java.time.Instant;

/**
 * How a clock cycle ends: met on time, met late, or cancelled; each end reports the cycle's
 * outcome, and a stop on time that came after its deadline was alerted retracts those alerts.
 */
final class CycleEnds implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SlaPolicy policy;
    private final Deadlines deadlines;
    private final ClockReports reports;

    CycleEnds(SlaPolicy policy, Deadlines deadlines, ClockReports reports) {
        this.policy = policy;
        this.deadlines = deadlines;
        this.reports = reports;
    }

    /**
     * The clock stopped: met by its deadline (withdrawing a breach or escalation already alerted,
     * if a late event proves it wrong), or met late.
     */
    void stop(TicketState state, String ticketId, ClockState clock, long at, SlaOutput out) {
        long stoppedAt = Math.max(floorSecond(at), clock.startedAt);
        deadlines.endPause(clock, stoppedAt);
        long deadline = deadlines.deadline(clock);
        long elapsed = deadlines.elapsedBy(clock, stoppedAt);
        clock.endedAt = stoppedAt;
        if (stoppedAt <= deadline) {
            clock.status = ClockStatus.MET;
            // A stop that arrived after its deadline was alerted proves those alerts wrong.
            retract(state, ticketId, clock, AlertKind.BREACHED, 1, stoppedAt, deadline, out);
            for (Escalation escalation : policy.clock(clock.type).escalations()) {
                retract(
                        state,
                        ticketId,
                        clock,
                        AlertKind.ESCALATED,
                        escalation.level(),
                        stoppedAt,
                        deadline,
                        out);
            }
            out.trace(Instant.ofEpochMilli(stoppedAt), () -> SlaStory.met(clock, elapsed));
            out.outcome(
                    reports.outcome(
                            state,
                            ticketId,
                            clock,
                            OutcomeStatus.MET,
                            stoppedAt,
                            elapsed,
                            clock.pausedSeconds,
                            0));
        } else {
            clock.status = ClockStatus.MET_LATE;
            long late = ceilSeconds(stoppedAt - deadline);
            out.alert(
                    alert(state, ticketId, clock, AlertKind.MET_LATE, 1, stoppedAt, deadline)
                            .overdue(late)
                            .build());
            out.trace(Instant.ofEpochMilli(stoppedAt), () -> SlaStory.metLate(clock, late));
            out.outcome(
                    reports.outcome(
                            state,
                            ticketId,
                            clock,
                            OutcomeStatus.MET_LATE,
                            stoppedAt,
                            elapsed,
                            clock.pausedSeconds,
                            late));
        }
    }

    private void retract(
            TicketState state,
            String ticketId,
            ClockState clock,
            AlertKind kind,
            int level,
            long at,
            long deadline,
            SlaOutput out) {
        long retractedAt =
                deadlines.thresholds(clock).stream()
                        .filter(threshold -> threshold.kind() == kind && threshold.level() == level)
                        .mapToLong(Threshold::at)
                        .findFirst()
                        .orElse(deadline);
        retract(state, ticketId, clock, kind, level, at, deadline, retractedAt, out);
    }

    /**
     * Withdraws the alert of {@code kind} and {@code level}, fired at {@code retractedAt}, if it
     * was fired: a RETRACTED alert at {@code at}. The clock forgets it fired, so its tallies drop
     * it and it can fire again at a new instant.
     */
    void retract(
            TicketState state,
            String ticketId,
            ClockState clock,
            AlertKind kind,
            int level,
            long at,
            long deadline,
            long retractedAt,
            SlaOutput out) {
        if (!clock.fired(kind, level)) {
            return;
        }
        String retracted = Alert.alertId(ticketId, clock.type, clock.cycle, kind, level);
        out.trace(Instant.ofEpochMilli(at), () -> SlaStory.retracted(retracted));
        out.retraction(
                alert(state, ticketId, clock, AlertKind.RETRACTED, level, at, deadline)
                        .retracts(retracted)
                        .build(),
                Instant.ofEpochMilli(retractedAt));
        clock.clearFired(kind, level);
    }

    /** The clock ends without a verdict: its ticket was cancelled or closed, or needs no visit. */
    void cancel(TicketState state, String ticketId, ClockState clock, long at, SlaOutput out) {
        long endedAt = Math.max(floorSecond(at), clock.startedAt);
        deadlines.endPause(clock, endedAt);
        long elapsed = deadlines.elapsedBy(clock, endedAt);
        clock.status = ClockStatus.CANCELLED;
        clock.endedAt = endedAt;
        out.outcome(
                reports.outcome(
                        state,
                        ticketId,
                        clock,
                        OutcomeStatus.CANCELLED,
                        endedAt,
                        elapsed,
                        clock.pausedSeconds,
                        0));
    }

    private static AlertBuilder alert(
            TicketState state,
            String ticketId,
            ClockState clock,
            AlertKind kind,
            int level,
            long eventTime,
            long deadline) {
        return new AlertBuilder(state, ticketId, clock, kind, level, eventTime, deadline);
    }
}

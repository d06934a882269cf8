package io.slawatch.detect;

import static io.slawatch.detect.Deadlines.ceilSeconds;

import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockPhase;
import io.slawatch.model.ClockView;
import io.slawatch.model.Complexity;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.Priority;
import io.slawatch.policy.ClockPolicy;
import io.slawatch.state.ClockState;
import io.slawatch.state.ClockStatus;
import io.slawatch.state.TicketState;
import java.io.Serializable;
import java.time.Instant;

/**
 * What a ticket's clocks report besides alerts: a {@link ClockView} of a cycle whenever something a
 * dashboard shows of it changed (compared through {@link Shown}), and a {@link ClockOutcome} when
 * it ends.
 *
 * <p>A quiet cycle (running or paused, no warning fired) is on no panel: "at risk now" lists the
 * cycles at risk, breached or escalated, and the outcome panels and the report read ended ones. So
 * a cycle is first reported when it stops being quiet or ends, and again when it turns quiet from a
 * shown phase (it must leave "at risk now"); a cycle met in time is one document.
 */
final class ClockReports implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Deadlines deadlines;

    ClockReports(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /**
     * What a clock cycle shows: when it differs before and after a call, the clock changed. A quiet
     * cycle shows only that it exists ({@link #quiet(int)}), so none of its changes is reported.
     */
    record Shown(
            int cycle,
            ClockStatus status,
            long firedMask,
            long targetSeconds,
            long pausedSeconds,
            String calendar,
            String agentId,
            String techId,
            String team,
            String region,
            Priority priority,
            Complexity complexity) {

        static Shown quiet(int cycle) {
            return new Shown(cycle, null, 0, 0, 0, null, null, null, null, null, null, null);
        }

        boolean isQuiet() {
            return status == null;
        }
    }

    /** What each of the ticket's clocks shows now, in {@link TicketState#clocks}' order. */
    static Shown[] shown(TicketState state) {
        Shown[] shown = new Shown[state.clocks.length];
        for (int i = 0; i < state.clocks.length; i++) {
            ClockState clock = state.clocks[i];
            ClockPhase phase = phase(clock);
            if (phase == ClockPhase.RUNNING || phase == ClockPhase.PAUSED) {
                shown[i] = Shown.quiet(clock.cycle);
                continue;
            }
            shown[i] =
                    new Shown(
                            clock.cycle,
                            clock.status,
                            clock.firedMask,
                            clock.targetSeconds,
                            clock.pausedSeconds,
                            clock.calendar,
                            state.agentId,
                            state.techId,
                            state.team,
                            state.region,
                            state.priority,
                            state.complexity);
        }
        return shown;
    }

    /**
     * Reports a view of every clock whose {@link Shown} changed since {@code before}, unless it is
     * quiet and was not shown before.
     */
    void reportChanged(TicketState state, String ticketId, Shown[] before, long at, SlaOutput out) {
        Shown[] after = shown(state);
        for (int i = 0; i < state.clocks.length; i++) {
            ClockState clock = state.clocks[i];
            // A clock started since holds an index past the end of before.
            Shown was = i < before.length ? before[i] : null;
            Shown now = after[i];
            if (now.equals(was)) {
                continue;
            }
            boolean started = was == null || was.cycle() != now.cycle();
            if (!now.isQuiet() || !started && !was.isQuiet()) {
                out.clock(view(state, ticketId, clock, Math.max(at, clock.startedAt)));
            }
        }
    }

    /**
     * Reports the final view of a cycle that ended and was replaced by its next within one event (a
     * renewal), which {@link #reportChanged} no longer sees.
     */
    void reportEnded(TicketState state, String ticketId, ClockState clock, SlaOutput out) {
        out.clock(view(state, ticketId, clock, clock.endedAt));
    }

    private ClockView view(TicketState state, String ticketId, ClockState clock, long at) {
        long deadline = deadlines.deadline(clock);
        boolean open = clock.status.isOpen();
        long now = open ? at : clock.endedAt;
        return new ClockView(
                ClockView.clockId(ticketId, clock.type, clock.cycle),
                ticketId,
                clock.type,
                clock.cycle,
                phase(clock),
                Instant.ofEpochMilli(clock.startedAt),
                Instant.ofEpochMilli(deadline),
                Instant.ofEpochMilli(now),
                open ? null : Instant.ofEpochMilli(clock.endedAt),
                clock.targetSeconds,
                now <= deadline && clock.status != ClockStatus.CANCELLED
                        ? ceilSeconds(deadline - now)
                        : null,
                now > deadline && clock.status != ClockStatus.CANCELLED
                        ? ceilSeconds(now - deadline)
                        : null,
                open ? null : deadlines.elapsedBy(clock, clock.endedAt),
                open ? null : clock.pausedSeconds,
                open
                        ? null
                        : clock.status == ClockStatus.MET_LATE
                                ? ceilSeconds(clock.endedAt - deadline)
                                : 0L,
                clock.fired(AlertKind.BREACHED, 1) ? Instant.ofEpochMilli(deadline) : null,
                escalatedAt(clock),
                escalations(clock) == 0 ? null : escalations(clock),
                switch (clock.status) {
                    case MET -> 1;
                    case MET_LATE -> 0;
                    default -> null;
                },
                state.attributes());
    }

    /** The escalation levels the cycle reached, less retracted ones. */
    private static int escalations(ClockState clock) {
        return Long.bitCount(clock.firedMask >>> (ClockPolicy.MAX_WARNINGS + 1));
    }

    /** When the cycle reached its first escalation level that stands, or null. */
    private Instant escalatedAt(ClockState clock) {
        if (escalations(clock) == 0) {
            return null;
        }
        for (Threshold threshold : deadlines.thresholds(clock)) {
            if (threshold.kind() == AlertKind.ESCALATED
                    && clock.fired(AlertKind.ESCALATED, threshold.level())) {
                return Instant.ofEpochMilli(threshold.at());
            }
        }
        return null;
    }

    private static ClockPhase phase(ClockState clock) {
        return switch (clock.status) {
            case MET -> ClockPhase.MET;
            case MET_LATE -> ClockPhase.MET_LATE;
            case CANCELLED -> ClockPhase.CANCELLED;
            case PAUSED -> ClockPhase.PAUSED;
            case RUNNING -> {
                if (escalations(clock) != 0) {
                    yield ClockPhase.ESCALATED;
                }
                if (clock.fired(AlertKind.BREACHED, 1)) {
                    yield ClockPhase.BREACHED;
                }
                yield (clock.firedMask & ((1L << ClockPolicy.MAX_WARNINGS) - 1)) != 0
                        ? ClockPhase.AT_RISK
                        : ClockPhase.RUNNING;
            }
        };
    }

    /** How a cycle ended ({@code endedAt} NONE: still running when a bounded input ended). */
    ClockOutcome outcome(
            TicketState state,
            String ticketId,
            ClockState clock,
            OutcomeStatus status,
            long endedAt,
            long elapsedSeconds,
            long pausedSeconds,
            long lateSeconds) {
        return new ClockOutcome(
                ClockOutcome.outcomeId(ticketId, clock.type, clock.cycle),
                ticketId,
                clock.type,
                clock.cycle,
                status,
                Instant.ofEpochMilli(clock.startedAt),
                endedAt == TicketState.NONE ? null : Instant.ofEpochMilli(endedAt),
                Instant.ofEpochMilli(deadlines.deadline(clock)),
                clock.targetSeconds,
                elapsedSeconds,
                pausedSeconds,
                lateSeconds,
                state.attributes());
    }
}

package io.slawatch.detect;

import io.slawatch.model.AlertKind;
import io.slawatch.policy.ClockPolicy;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.state.ClockState;
import io.slawatch.state.TicketState;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Moves an open ticket to a newer policy version that applies to open tickets ({@code appliesTo:
 * open}), as a priority change moves its deadlines: each open cycle takes its target and calendar
 * under the new version from its own start; a BREACHED or ESCALATED alert whose instant is now
 * after the move is retracted, and fires again at its new instant if the clock still runs then; a
 * threshold now past alerts at once. A warning already given stays given. A cycle of a clock the
 * new version lacks, or that no longer applies to the ticket, ends cancelled. Business time spent
 * paused is kept as it was counted.
 */
final class VersionMove implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SlaPolicy policy;
    private final Deadlines deadlines;
    private final DueAlerts due;
    private final CycleEnds ends;
    private final TargetChoice targets;

    VersionMove(
            SlaPolicy policy,
            Deadlines deadlines,
            DueAlerts due,
            CycleEnds ends,
            TargetChoice targets) {
        this.policy = policy;
        this.deadlines = deadlines;
        this.due = due;
        this.ends = ends;
        this.targets = targets;
    }

    /**
     * Moves {@code state}, whose cycles run under {@code before} (its current version's deadlines),
     * to this version at event time {@code at}.
     */
    void move(TicketState state, String ticketId, long at, Deadlines before, SlaOutput out) {
        String from = state.policyVersion;
        state.policyVersion = policy.version();
        out.trace(Instant.ofEpochMilli(at), () -> SlaStory.moved(from, policy.version()));
        for (ClockState clock : state.clocks) {
            if (!clock.status.isOpen()) {
                continue;
            }
            ClockPolicy rules = policy.clock(clock.type);
            if (rules == null
                    || !rules.appliesTo(
                            state.channel, state.priority, state.complexity, state.onsite)) {
                out.trace(Instant.ofEpochMilli(at), () -> SlaStory.notInVersion(clock.type));
                ends.cancel(state, ticketId, clock, at, out);
                continue;
            }
            List<Threshold> fired =
                    before.thresholds(clock).stream()
                            .filter(t -> t.kind() != AlertKind.AT_RISK)
                            .filter(t -> clock.fired(t.kind(), t.level()))
                            .toList();
            long deadlineBefore = before.deadline(clock);
            targets.choose(state, clock);
            long deadlineAfter = deadlines.deadline(clock);
            out.trace(
                    Instant.ofEpochMilli(at),
                    () -> SlaStory.retargeted(clock, deadlineBefore, deadlineAfter));
            List<Threshold> now = deadlines.thresholds(clock);
            for (Threshold threshold : fired) {
                long moved =
                        now.stream()
                                .filter(t -> t.kind() == threshold.kind())
                                .filter(t -> t.level() == threshold.level())
                                .mapToLong(Threshold::at)
                                .findFirst()
                                .orElse(Long.MAX_VALUE);
                if (moved > at) {
                    ends.retract(
                            state,
                            ticketId,
                            clock,
                            threshold.kind(),
                            threshold.level(),
                            at,
                            deadlineAfter,
                            threshold.at(),
                            out);
                }
            }
        }
        due.fire(state, ticketId, at, true, at, out);
    }
}

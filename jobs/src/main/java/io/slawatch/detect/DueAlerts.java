package io.slawatch.detect;

import static io.slawatch.detect.Deadlines.ceilSeconds;

import io.slawatch.model.AlertKind;
import io.slawatch.state.ClockState;
import io.slawatch.state.ClockStatus;
import io.slawatch.state.TicketState;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The thresholds of a ticket's running clocks that event time has reached: each alerted once (its
 * bit in {@link ClockState#firedMask}), at its own instant, in time order across clocks, so the
 * alerts never depend on when a watermark happens to come.
 */
final class DueAlerts implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Deadlines deadlines;

    DueAlerts(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** The earliest threshold not alerted yet of any running clock, or {@code TicketState.NONE}. */
    long next(TicketState state) {
        long next = Long.MAX_VALUE;
        for (ClockState clock : state.clocks) {
            if (clock != null && clock.status == ClockStatus.RUNNING) {
                for (Threshold threshold : deadlines.thresholds(clock)) {
                    if (!clock.fired(threshold.kind(), threshold.level())) {
                        next = Math.min(next, threshold.at());
                        break;
                    }
                }
            }
        }
        return next == Long.MAX_VALUE ? TicketState.NONE : next;
    }

    /**
     * Alerts every threshold that is due by {@code time} ({@code inclusive} for the watermark,
     * exclusive before an event at that time). With {@code alertAt} set, the alerts carry that
     * event time instead of their own: a change that moved a deadline into the past alerts at once.
     */
    void fire(
            TicketState state,
            String ticketId,
            long time,
            boolean inclusive,
            long alertAt,
            SlaOutput out) {
        List<Threshold> due = new ArrayList<>();
        for (ClockState clock : state.clocks) {
            if (clock == null || clock.status != ClockStatus.RUNNING) {
                continue;
            }
            for (Threshold threshold : deadlines.thresholds(clock)) {
                boolean reached = inclusive ? threshold.at() <= time : threshold.at() < time;
                if (!reached) {
                    break;
                }
                if (!clock.fired(threshold.kind(), threshold.level())) {
                    due.add(threshold);
                }
            }
        }
        due.sort(Comparator.comparingLong(Threshold::at).thenComparing(Threshold::clock));
        for (Threshold threshold : due) {
            ClockState clock = state.clock(threshold.clock());
            long eventTime =
                    alertAt == TicketState.NONE
                            ? threshold.at()
                            : Math.max(alertAt, threshold.at());
            long deadline = deadlines.deadline(clock);
            AlertBuilder alert =
                    new AlertBuilder(
                            state,
                            ticketId,
                            clock,
                            threshold.kind(),
                            threshold.level(),
                            eventTime,
                            deadline);
            if (threshold.kind() == AlertKind.AT_RISK) {
                alert.remaining(ceilSeconds(Math.max(0, deadline - eventTime)));
            } else {
                alert.overdue(ceilSeconds(Math.max(0, eventTime - deadline)));
            }
            clock.markFired(threshold.kind(), threshold.level());
            out.alert(alert.build());
        }
    }
}

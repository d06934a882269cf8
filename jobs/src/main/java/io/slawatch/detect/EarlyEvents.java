package io.slawatch.detect;

import io.slawatch.model.QuarantineReason;
import io.slawatch.model.TicketEvent;
import io.slawatch.state.TicketState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Events that came before their ticket's CREATED: held in {@link TicketState#pending} until it
 * comes, then applied in time order; or quarantined as orphans once the policy's orphan timeout has
 * passed since the earliest of them, or when a bounded input ends. Either way they leave the state.
 */
final class EarlyEvents {

    private EarlyEvents() {}

    static void hold(TicketState state, TicketEvent event, SlaOutput out) {
        state.pending.add(event);
        out.trace(event.occurredAt(), () -> SlaStory.heldBeforeCreated(event.type()));
    }

    /** The held events, in time order, and none held any more. */
    static List<TicketEvent> release(TicketState state) {
        List<TicketEvent> held = new ArrayList<>(state.pending);
        state.pending.clear();
        held.sort(Comparator.comparing(TicketEvent::occurredAt));
        return held;
    }

    /** When the held events become orphans, or {@code TicketState.NONE} when none is held. */
    static long orphanedAt(TicketState state, Duration orphanTimeout) {
        if (state.pending.isEmpty()) {
            return TicketState.NONE;
        }
        long earliest = Long.MAX_VALUE;
        for (TicketEvent event : state.pending) {
            earliest = Math.min(earliest, event.occurredAt().toEpochMilli());
        }
        return earliest + orphanTimeout.toMillis();
    }

    static void quarantine(TicketState state, String detail, SlaOutput out) {
        for (TicketEvent orphan : state.pending) {
            out.quarantine(orphan, QuarantineReason.ORPHAN, detail);
        }
        state.pending.clear();
    }
}

package io.slawatch.detect;

import io.slawatch.model.ClockType;
import io.slawatch.model.EventType;
import io.slawatch.model.TicketEvent;
import io.slawatch.predict.EtaSignal;
import io.slawatch.state.ClockState;
import io.slawatch.state.TicketState;

/** What an applied event tells the arrival predictions about the ticket's ARRIVAL clock. */
final class EtaSignals {

    private EtaSignals() {}

    /** Tells the arrival predictions what {@code event} did to the ARRIVAL clock, if anything. */
    static void tell(
            TicketState state,
            TicketEvent event,
            long at,
            boolean wasOpen,
            Deadlines deadlines,
            SlaOutput out) {
        EtaSignal signal = of(state, event, at, wasOpen, deadlines);
        if (signal != null) {
            out.eta(signal);
        }
    }

    /**
     * An ETA of an open ARRIVAL clock, its dispatch, that it waits for a technician (once it
     * starts, and after an UPDATED, which may move its deadline), its arrival, or its end without
     * one ({@code wasOpen}: the clock was open before the event); null when the event says none of
     * these.
     */
    static EtaSignal of(
            TicketState state, TicketEvent event, long at, boolean wasOpen, Deadlines deadlines) {
        ClockState arrival = state.clock(ClockType.ARRIVAL);
        if (arrival == null) {
            return null;
        }
        boolean open = arrival.status.isOpen();
        EtaSignal.Kind kind;
        if (open
                && event.etaAt() != null
                && (event.type() == EventType.DISPATCHED
                        || event.type() == EventType.ETA_UPDATED)) {
            kind = EtaSignal.Kind.ETA;
        } else if (open && event.type() == EventType.DISPATCHED) {
            kind = EtaSignal.Kind.DISPATCHED;
        } else if (open
                && state.techId == null
                && (!wasOpen || event.type() == EventType.UPDATED)) {
            kind = EtaSignal.Kind.WAITING;
        } else if (wasOpen && !open) {
            kind =
                    event.type() == EventType.ARRIVED
                            ? EtaSignal.Kind.ARRIVED
                            : EtaSignal.Kind.ENDED;
        } else {
            return null;
        }
        return new EtaSignal(
                kind,
                event.ticketId(),
                arrival.cycle,
                at,
                kind == EtaSignal.Kind.ETA ? event.etaAt().toEpochMilli() : 0,
                arrival.startedAt,
                deadlines.deadline(arrival),
                arrival.targetSeconds,
                state.attributes());
    }
}

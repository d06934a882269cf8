package io.slawatch.imports;

import io.slawatch.model.TicketEvent;
import java.util.Comparator;
import java.util.List;

/**
 * An imported event with what orders it among events of the same instant: its ticket, the row it
 * came from and its place among that row's events.
 */
record Sequenced(TicketEvent event, String ticketOrder, long line, int step) {

    /** By time; ties by ticket, row and step, so the order never depends on a sort's whims. */
    static final Comparator<Sequenced> REPLAY_ORDER =
            Comparator.comparing((Sequenced e) -> e.event().occurredAt())
                    .thenComparing(Sequenced::ticketOrder)
                    .thenComparingLong(Sequenced::line)
                    .thenComparingInt(Sequenced::step);

    static List<TicketEvent> inReplayOrder(List<Sequenced> events) {
        return events.stream().sorted(REPLAY_ORDER).map(Sequenced::event).toList();
    }
}

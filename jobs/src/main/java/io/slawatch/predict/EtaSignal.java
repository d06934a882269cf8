package io.slawatch.predict;

import io.slawatch.model.TicketAttributes;

/**
 * What the ticket clocks tell the arrival predictions about one ARRIVAL cycle: that it waits for a
 * technician, the dispatch, a technician's ETA, the arrival, or the end of the cycle without one.
 * Times are epoch milliseconds.
 *
 * @param at the event time
 * @param etaAt the ETA stated (ETA only)
 * @param attributes the ticket as of the event, its region the model's key
 */
public record EtaSignal(
        Kind kind,
        String ticketId,
        int cycle,
        long at,
        long etaAt,
        long startedAt,
        long deadline,
        long targetSeconds,
        TicketAttributes attributes) {

    /** The key of a region without a name: its tickets share one model. */
    public static final String NO_REGION = "(none)";

    public enum Kind {
        /** Nobody dispatched yet: the cycle started, or a change may have moved its deadline. */
        WAITING,
        /** A technician dispatched without an ETA. */
        DISPATCHED,
        ETA,
        ARRIVED,
        /** The cycle ended without an arrival (cancelled, closed). */
        ENDED
    }

    /** The model a signal belongs to: its ticket's region. */
    public String region() {
        return attributes == null || attributes.region() == null ? NO_REGION : attributes.region();
    }
}

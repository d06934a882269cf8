package io.slawatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * How one cycle of one clock ended: the raw material of percentiles and trends.
 *
 * <p>{@code endedAt} is absent only for RUNNING, which replay reports for clocks still open when
 * its input ends. Elapsed and late times are business seconds in the clock's calendar.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClockOutcome(
        String outcomeId,
        String ticketId,
        ClockType clock,
        int cycle,
        OutcomeStatus status,
        Instant startedAt,
        Instant endedAt,
        Instant deadline,
        long targetSeconds,
        long elapsedBusinessSeconds,
        long pausedBusinessSeconds,
        long lateSeconds,
        @JsonUnwrapped TicketAttributes attributes) {

    public static String outcomeId(String ticketId, ClockType clock, int cycle) {
        return ticketId + ':' + clock + ':' + cycle;
    }
}

package io.slawatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * The current state of one clock cycle, emitted on every change a dashboard shows (from its first
 * warning or its end: a quiet cycle is on no panel) and indexed by {@code clockId} ({@code
 * {ticketId}:{clock}:{cycle}}), so the latest one is what "at risk now" reads. {@code
 * remainingSeconds} and {@code overdueSeconds} are as of {@code updatedAt}. Its {@code phase} (what
 * a dashboard shows: running, at risk, breached…) is the contract's {@code status} field; it is not
 * the state's {@code ClockStatus} nor an outcome's {@code OutcomeStatus}.
 *
 * <p>The view of an ended cycle carries its outcome too ({@code elapsedBusinessSeconds}, {@code
 * pausedBusinessSeconds}, {@code lateSeconds}, as in {@link ClockOutcome}), so that Elasticsearch
 * needs one document per cycle, not two; they are absent while the cycle runs.
 *
 * <p>Its tallies let a dashboard count cycles the way statistics would, by summing or averaging
 * over the documents: {@code breachedAt} (the deadline it passed) and {@code escalatedAt} (its
 * first escalation) while those alerts stand, a retraction removes them; {@code escalations}, the
 * levels reached; {@code onTime}, 1 for a cycle met and 0 for one met late, absent otherwise, so
 * its average is the met rate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClockView(
        String clockId,
        String ticketId,
        ClockType clock,
        int cycle,
        @JsonProperty("status") ClockPhase phase,
        Instant startedAt,
        Instant deadline,
        Instant updatedAt,
        Instant endedAt,
        long targetSeconds,
        Long remainingSeconds,
        Long overdueSeconds,
        Long elapsedBusinessSeconds,
        Long pausedBusinessSeconds,
        Long lateSeconds,
        Instant breachedAt,
        Instant escalatedAt,
        Integer escalations,
        Integer onTime,
        @JsonUnwrapped TicketAttributes attributes) {

    public static String clockId(String ticketId, ClockType clock, int cycle) {
        return ticketId + ':' + clock + ':' + cycle;
    }
}

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
        @JsonUnwrapped TicketAttributes attributes) {

    public static String clockId(String ticketId, ClockType clock, int cycle) {
        return ticketId + ':' + clock + ':' + cycle;
    }
}

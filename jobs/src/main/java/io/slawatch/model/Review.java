package io.slawatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A person's decision on the topic {@code slawatch.reviews}: CONFIRM or WAIVE a case ({@code
 * alertId}), or DONE for a carried-out action ({@code entryId}). Applied at {@code decidedAt} in
 * event time, so a replay decides as live mode did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Review(
        String reviewId,
        String alertId,
        String entryId,
        ReviewDecision decision,
        String reviewer,
        String reason,
        Instant decidedAt) {

    /** The ticket a case review is about: the alert id starts with it. */
    public String ticketId() {
        return Alert.ticketIdOf(alertId);
    }
}

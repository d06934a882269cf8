package io.slawatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One ticket lifecycle event, as on the topic {@code slawatch.ticket-events}.
 *
 * <p>Only the fields slawatch uses are bound: personal data (customer name, phone, address) that
 * producers may add is dropped while decoding and never reaches state, alerts or logs. {@code
 * customerId} is a pseudonymous id (never a name or phone), so that the ledger can compensate a
 * customer across tickets.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TicketEvent(
        String eventId,
        String ticketId,
        EventType type,
        Instant occurredAt,
        Channel channel,
        Priority priority,
        Complexity complexity,
        Boolean onsite,
        String agentId,
        String techId,
        String team,
        String region,
        Instant etaAt,
        String reason,
        String customerId) {}

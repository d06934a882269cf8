package io.slawatch.imports;

import io.slawatch.model.Channel;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import io.slawatch.model.TicketEvent;
import java.time.Instant;

/** Fills the optional fields of an imported event. */
final class EventBuilder {
    private final String eventId;
    private final String ticketId;
    private final EventType type;
    private final Instant at;
    private Channel channel;
    private Priority priority;
    private Complexity complexity;
    private Boolean onsite;
    private String agentId;
    private String team;
    private String reason;

    EventBuilder(String eventId, String ticketId, EventType type, Instant at) {
        this.eventId = eventId;
        this.ticketId = ticketId;
        this.type = type;
        this.at = at;
    }

    EventBuilder channel(Channel value) {
        channel = value;
        return this;
    }

    EventBuilder priority(Priority value) {
        priority = value;
        return this;
    }

    EventBuilder complexity(Complexity value) {
        complexity = value;
        return this;
    }

    EventBuilder onsite(boolean value) {
        onsite = value;
        return this;
    }

    EventBuilder agent(String value) {
        agentId = value;
        return this;
    }

    EventBuilder team(String value) {
        team = value;
        return this;
    }

    EventBuilder reason(String value) {
        reason = value;
        return this;
    }

    TicketEvent build() {
        return new TicketEvent(
                eventId,
                ticketId,
                type,
                at,
                channel,
                priority,
                complexity,
                onsite,
                agentId,
                null,
                team,
                null,
                null,
                reason,
                null);
    }
}

package io.slawatch.detect;

import io.slawatch.model.Channel;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import io.slawatch.model.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The vocabulary of detection scenarios: named instants and event builders. */
final class TicketEvents {

    static final String TICKET = "T-1";

    /** Monday 2026-11-23, Asia/Shanghai (the default policy's zone). */
    static final Instant MONDAY_0900 = at("2026-11-23T09:00:00+08:00");

    static final Instant FRIDAY_1700 = at("2026-11-27T17:00:00+08:00");
    static final Instant NEXT_MONDAY_1200 = at("2026-11-30T12:00:00+08:00");
    static final Instant SINGLES_DAY_1000 = at("2026-11-11T10:00:00+08:00");
    static final Instant DAY_AFTER_SINGLES_DAY_0000 = at("2026-11-12T00:00:00+08:00");
    static final Instant SUNDAY_2300 = at("2026-11-22T23:00:00+08:00");
    static final Instant WEDNESDAY_1005 = at("2026-11-25T10:05:00+08:00");
    static final Instant SATURDAY_1100 = at("2026-11-28T11:00:00+08:00");

    private TicketEvents() {}

    static Instant plus(Instant at, String duration) {
        return at.plus(Duration.parse(duration));
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    static Builder created(Instant at, Channel channel, Priority priority) {
        return new Builder(EventType.CREATED, at).channel(channel).priority(priority);
    }

    static Builder responded(Instant at) {
        return new Builder(EventType.RESPONDED, at);
    }

    static Builder dispatched(Instant at, String techId) {
        return new Builder(EventType.DISPATCHED, at).tech(techId);
    }

    static Builder etaUpdated(Instant at, String techId, Instant etaAt) {
        return new Builder(EventType.ETA_UPDATED, at).tech(techId).eta(etaAt);
    }

    static Builder arrived(Instant at) {
        return new Builder(EventType.ARRIVED, at);
    }

    static Builder paused(Instant at) {
        return new Builder(EventType.PAUSED, at).reason("AWAITING_PARTS");
    }

    static Builder resumed(Instant at) {
        return new Builder(EventType.RESUMED, at);
    }

    static Builder resolved(Instant at) {
        return new Builder(EventType.RESOLVED, at);
    }

    static Builder reopened(Instant at) {
        return new Builder(EventType.REOPENED, at);
    }

    static Builder closed(Instant at) {
        return new Builder(EventType.CLOSED, at);
    }

    static Builder cancelled(Instant at) {
        return new Builder(EventType.CANCELLED, at);
    }

    static Builder reassigned(Instant at, String agentId) {
        return new Builder(EventType.REASSIGNED, at).agent(agentId);
    }

    static Builder complaint(Instant at) {
        return new Builder(EventType.COMPLAINT, at);
    }

    static Builder complaintAnswered(Instant at) {
        return new Builder(EventType.COMPLAINT_ANSWERED, at);
    }

    static Builder customerMessage(Instant at) {
        return new Builder(EventType.CUSTOMER_MESSAGE, at);
    }

    static Builder agentMessage(Instant at) {
        return new Builder(EventType.AGENT_MESSAGE, at);
    }

    static Builder customerUpdated(Instant at) {
        return new Builder(EventType.CUSTOMER_UPDATED, at);
    }

    static Builder updated(Instant at) {
        return new Builder(EventType.UPDATED, at);
    }

    /** A ticket event; the event id defaults to ticket, type and time, so it is unique. */
    static final class Builder {
        private final EventType type;
        private final Instant at;
        private String ticketId = TICKET;
        private String eventId;
        private Channel channel;
        private Priority priority;
        private Complexity complexity;
        private Boolean onsite;
        private String agentId;
        private String techId;
        private String team;
        private String region;
        private Instant etaAt;
        private String reason;
        private String customerId;

        Builder(EventType type, Instant at) {
            this.type = type;
            this.at = at;
        }

        Builder ticket(String id) {
            this.ticketId = id;
            return this;
        }

        Builder id(String id) {
            this.eventId = id;
            return this;
        }

        Builder channel(Channel value) {
            this.channel = value;
            return this;
        }

        Builder priority(Priority value) {
            this.priority = value;
            return this;
        }

        Builder complexity(Complexity value) {
            this.complexity = value;
            return this;
        }

        Builder onsite() {
            this.onsite = true;
            return this;
        }

        Builder onsite(boolean value) {
            this.onsite = value;
            return this;
        }

        Builder agent(String id) {
            this.agentId = id;
            return this;
        }

        Builder tech(String id) {
            this.techId = id;
            return this;
        }

        Builder team(String name) {
            this.team = name;
            return this;
        }

        Builder region(String name) {
            this.region = name;
            return this;
        }

        Builder eta(Instant value) {
            this.etaAt = value;
            return this;
        }

        Builder customer(String id) {
            this.customerId = id;
            return this;
        }

        Builder reason(String value) {
            this.reason = value;
            return this;
        }

        TicketEvent build() {
            return new TicketEvent(
                    eventId != null ? eventId : ticketId + "/" + type + "/" + at,
                    ticketId,
                    type,
                    at,
                    channel,
                    priority,
                    complexity,
                    onsite,
                    agentId,
                    techId,
                    team,
                    region,
                    etaAt,
                    reason,
                    customerId);
        }
    }
}

package io.slawatch.ingest;

import io.slawatch.ingest.JsonRecord.Fields;
import io.slawatch.ingest.JsonRecord.Rejection;
import io.slawatch.model.Channel;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.RawEvent;
import io.slawatch.model.TicketEvent;
import io.slawatch.serde.ImmutableTypeInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Turns raw bytes into a validated {@link TicketEvent}, or into a quarantine record with the reason
 * (schemas/ticket-event.schema.json is the contract). It never throws on bad input.
 */
public final class EventDecoder implements RawDecoder<Decoded> {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MAX_EVENT_BYTES = 64 * 1024;
    public static final Duration DEFAULT_FUTURE_SKEW = Duration.ofMinutes(5);

    private final int maxEventBytes;
    private final Duration futureSkew;
    private final Clock clock;

    public EventDecoder(int maxEventBytes, Duration futureSkew, Clock clock) {
        this.maxEventBytes = maxEventBytes;
        this.futureSkew = futureSkew;
        this.clock = clock;
    }

    public static EventDecoder withDefaults() {
        return new EventDecoder(DEFAULT_MAX_EVENT_BYTES, DEFAULT_FUTURE_SKEW, Clock.systemUTC());
    }

    @Override
    public TypeInformation<Decoded> producedType() {
        return ImmutableTypeInfo.of(Decoded.class);
    }

    @Override
    public Decoded decode(RawEvent raw) {
        JsonRecord record = JsonRecord.parse(raw, maxEventBytes);
        if (!record.ok()) {
            return reject(raw, record, record.reason(), record.detail());
        }
        try {
            return Decoded.of(read(record.fields()));
        } catch (Rejection rejection) {
            return reject(raw, record, rejection.reason, rejection.getMessage());
        }
    }

    private TicketEvent read(Fields fields) throws Rejection {
        String eventId = fields.id("eventId", true);
        String ticketId = fields.id("ticketId", true);
        String typeText = fields.text("type", true);
        EventType type;
        try {
            type = EventType.valueOf(typeText);
        } catch (IllegalArgumentException e) {
            throw new Rejection(
                    QuarantineReason.UNKNOWN_TYPE, "unknown event type '" + typeText + "'");
        }
        Instant occurredAt = fields.instant("occurredAt", true);
        Instant latest = clock.instant().plus(futureSkew);
        if (occurredAt.isAfter(latest)) {
            throw new Rejection(
                    QuarantineReason.FUTURE_TIMESTAMP,
                    "occurredAt "
                            + occurredAt
                            + " is more than "
                            + futureSkew
                            + " ahead of the clock ("
                            + clock.instant()
                            + ")");
        }
        Channel channel = fields.enumValue("channel", Channel.class, type == EventType.CREATED);
        Priority priority = fields.enumValue("priority", Priority.class, type == EventType.CREATED);
        Complexity complexity = fields.enumValue("complexity", Complexity.class, false);
        Boolean onsite = fields.bool("onsite");
        String agentId = fields.id("agentId", false);
        String techId =
                fields.id("techId", type == EventType.DISPATCHED || type == EventType.ETA_UPDATED);
        String team = fields.id("team", false);
        String region = fields.id("region", false);
        Instant etaAt = fields.instant("etaAt", type == EventType.ETA_UPDATED);
        String reason = fields.id("reason", false);
        String customerId = fields.id("customerId", false);
        if (type == EventType.REASSIGNED && agentId == null && techId == null && team == null) {
            throw new Rejection(
                    QuarantineReason.MISSING_FIELD, "REASSIGNED needs agentId, techId or team");
        }
        if (type == EventType.UPDATED && priority == null && complexity == null && onsite == null) {
            throw new Rejection(
                    QuarantineReason.MISSING_FIELD, "UPDATED needs priority, complexity or onsite");
        }
        return new TicketEvent(
                eventId,
                ticketId,
                type,
                occurredAt,
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

    private Decoded reject(
            RawEvent raw, JsonRecord record, QuarantineReason reason, String detail) {
        return Decoded.rejected(
                QuarantineRecord.ofInput(
                        raw,
                        record.text(),
                        reason,
                        detail,
                        clock.instant(),
                        record.peek("ticketId"),
                        record.peek("eventId")));
    }
}

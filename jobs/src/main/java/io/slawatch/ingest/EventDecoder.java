package io.slawatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.model.Channel;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.RawEvent;
import io.slawatch.model.TicketEvent;
import io.slawatch.serde.Json;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Turns raw bytes into a validated {@link TicketEvent}, or into a quarantine record with the reason
 * (schemas/ticket-event.schema.json is the contract). It never throws on bad input.
 */
public final class EventDecoder implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MAX_EVENT_BYTES = 64 * 1024;
    public static final Duration DEFAULT_FUTURE_SKEW = Duration.ofMinutes(5);

    /** Longest id, holder or reason text accepted, as in the schema. */
    static final int MAX_ID_LENGTH = 200;

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

    public Decoded decode(RawEvent raw) {
        byte[] bytes = raw.payload();
        String text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
        } catch (CharacterCodingException e) {
            return reject(
                    raw, null, QuarantineReason.NOT_UTF8, "the payload is not valid UTF-8", null);
        }
        if (bytes.length > maxEventBytes) {
            return reject(
                    raw,
                    text,
                    QuarantineReason.TOO_LARGE,
                    bytes.length + " bytes, above the limit of " + maxEventBytes,
                    null);
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return reject(raw, text, QuarantineReason.MALFORMED_JSON, describe(e), null);
        }
        if (node == null || !node.isObject()) {
            return reject(raw, text, QuarantineReason.MALFORMED_JSON, "not a JSON object", null);
        }
        Fields fields = new Fields(node);
        try {
            TicketEvent event = read(fields);
            return Decoded.of(event);
        } catch (Rejection rejection) {
            return reject(raw, text, rejection.reason, rejection.getMessage(), fields);
        }
    }

    /** The parser's complaint and where, without its echo of the source. */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int noise = message.indexOf(" (start marker at");
        if (noise >= 0) {
            message = message.substring(0, noise);
        }
        return e.getLocation() == null
                ? message
                : message + " at column " + e.getLocation().getColumnNr();
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
        String techId = fields.id("techId", type == EventType.DISPATCHED);
        String team = fields.id("team", false);
        String region = fields.id("region", false);
        Instant etaAt = fields.instant("etaAt", false);
        String reason = fields.id("reason", false);
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
                reason);
    }

    private Decoded reject(
            RawEvent raw, String text, QuarantineReason reason, String detail, Fields fields) {
        return Decoded.rejected(
                QuarantineRecord.ofInput(
                        raw,
                        text,
                        reason,
                        detail,
                        clock.instant(),
                        fields == null ? null : fields.peek("ticketId"),
                        fields == null ? null : fields.peek("eventId")));
    }

    /** A rule of the contract that a record breaks. */
    private static final class Rejection extends Exception {
        private static final long serialVersionUID = 1L;
        private final QuarantineReason reason;

        Rejection(QuarantineReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /** Typed reads of a JSON object's fields that name the rule a bad value breaks. */
    private record Fields(JsonNode node) {

        String peek(String name) {
            JsonNode value = node.get(name);
            return value != null && value.isTextual() && value.asText().length() <= MAX_ID_LENGTH
                    ? value.asText()
                    : null;
        }

        String text(String name, boolean required) throws Rejection {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                if (required) {
                    throw new Rejection(QuarantineReason.MISSING_FIELD, "missing " + name);
                }
                return null;
            }
            if (!value.isTextual()) {
                throw new Rejection(QuarantineReason.BAD_VALUE, name + " must be a string");
            }
            return value.asText();
        }

        String id(String name, boolean required) throws Rejection {
            String value = text(name, required);
            if (value != null && (value.isEmpty() || value.length() > MAX_ID_LENGTH)) {
                if (value.isEmpty() && required) {
                    throw new Rejection(QuarantineReason.MISSING_FIELD, name + " is empty");
                }
                throw new Rejection(
                        QuarantineReason.BAD_VALUE,
                        name + " must have 1 to " + MAX_ID_LENGTH + " characters");
            }
            return value;
        }

        Instant instant(String name, boolean required) throws Rejection {
            String value = text(name, required);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new Rejection(
                        QuarantineReason.BAD_TIMESTAMP,
                        name + " '" + value + "' is not an ISO-8601 instant with offset");
            }
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required)
                throws Rejection {
            String value = text(name, required);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new Rejection(
                        QuarantineReason.BAD_VALUE, "unknown " + name + " '" + value + "'");
            }
        }

        Boolean bool(String name) throws Rejection {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isBoolean()) {
                throw new Rejection(QuarantineReason.BAD_VALUE, name + " must be true or false");
            }
            return value.asBoolean();
        }
    }
}

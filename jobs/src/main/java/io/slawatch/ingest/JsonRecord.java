package io.slawatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.RawEvent;
import io.slawatch.serde.IsoInstants;
import io.slawatch.serde.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One input record read as a JSON object, before a decoder binds it: its text when it is UTF-8, its
 * fields when it parses, else the reason it cannot be used. Shared by the decoders of every input
 * contract, so that all quarantine bad bytes, oversize records and malformed JSON alike.
 */
record JsonRecord(String text, Fields fields, QuarantineReason reason, String detail) {

    /** Longest id, holder or reason text accepted, as in the schemas. */
    static final int MAX_ID_LENGTH = 200;

    static JsonRecord parse(RawEvent raw, int maxBytes) {
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
            return new JsonRecord(
                    null, null, QuarantineReason.NOT_UTF8, "the payload is not valid UTF-8");
        }
        if (bytes.length > maxBytes) {
            return new JsonRecord(
                    text,
                    null,
                    QuarantineReason.TOO_LARGE,
                    bytes.length + " bytes, above the limit of " + maxBytes);
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return new JsonRecord(text, null, QuarantineReason.MALFORMED_JSON, describe(e));
        }
        if (node == null || !node.isObject()) {
            return new JsonRecord(text, null, QuarantineReason.MALFORMED_JSON, "not a JSON object");
        }
        return new JsonRecord(text, new Fields(node), null, null);
    }

    boolean ok() {
        return fields != null;
    }

    /** A short text field when it can be read, for the quarantine record; else null. */
    String peek(String name) {
        return fields == null ? null : fields.peek(name);
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

    /** A rule of the contract that a record breaks. */
    static final class Rejection extends Exception {
        private static final long serialVersionUID = 1L;
        final QuarantineReason reason;

        Rejection(QuarantineReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /** Typed reads of a JSON object's fields that name the rule a bad value breaks. */
    record Fields(JsonNode node) {

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
                return IsoInstants.parse(value);
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

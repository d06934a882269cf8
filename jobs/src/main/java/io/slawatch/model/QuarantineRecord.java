package io.slawatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Base64;

/**
 * An input that could not be used, kept whole with the reason, on {@code slawatch.quarantine}.
 *
 * <p>Where it came from is either a Kafka position ({@code topic}, {@code partition}, {@code
 * offset}) or a file position ({@code file}, {@code line}). {@code ticketId} and {@code eventId}
 * are set when they could be read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuarantineRecord(
        QuarantineReason reason,
        String detail,
        Instant quarantinedAt,
        String payload,
        PayloadEncoding payloadEncoding,
        String topic,
        Integer partition,
        Long offset,
        String file,
        Long line,
        String ticketId,
        String eventId) {

    /**
     * An input read from Kafka or a file that could not be used, with where it was: its text when
     * it is UTF-8 ({@code text} not null), else its bytes in Base64.
     */
    public static QuarantineRecord ofInput(
            RawEvent raw,
            String text,
            QuarantineReason reason,
            String detail,
            Instant at,
            String ticketId,
            String eventId) {
        boolean utf8 = text != null;
        boolean file = raw.fromFile();
        return new QuarantineRecord(
                reason,
                detail,
                at,
                utf8 ? text : Base64.getEncoder().encodeToString(raw.payload()),
                utf8 ? PayloadEncoding.UTF8 : PayloadEncoding.BASE64,
                file ? null : raw.origin(),
                file ? null : raw.partition(),
                file ? null : raw.position(),
                file ? raw.origin() : null,
                file ? raw.position() : null,
                ticketId,
                eventId);
    }

    /**
     * A record already inside the job (a decoded event, an Elasticsearch document) that could not
     * be used, as its JSON text; its input position is no longer known.
     */
    public static QuarantineRecord ofJson(
            String json,
            QuarantineReason reason,
            String detail,
            Instant at,
            String ticketId,
            String eventId) {
        return new QuarantineRecord(
                reason,
                detail,
                at,
                json,
                PayloadEncoding.UTF8,
                null,
                null,
                null,
                null,
                null,
                ticketId,
                eventId);
    }
}

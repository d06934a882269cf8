package io.slawatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

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
        String eventId) {}

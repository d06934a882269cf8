package io.slawatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.PayloadEncoding;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.RawEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reason the decoder quarantines a record for, one row each, with the record it makes. */
class EventDecoderTest {

    /** Monday 2026-11-23 09:00 in Asia/Shanghai: the decoder's wall clock. */
    static final Instant MONDAY_0900 = Instant.parse("2026-11-23T01:00:00Z");

    static final int MAX_EVENT_BYTES = 200;
    static final String FILE = "events.jsonl";
    static final long LINE = 7;

    static final EventDecoder DECODER =
            new EventDecoder(
                    MAX_EVENT_BYTES,
                    Duration.ofMinutes(5),
                    Clock.fixed(MONDAY_0900, ZoneOffset.UTC));

    /** Reasons given after decoding: by detection, the Elasticsearch sink and the notifier. */
    static final Set<QuarantineReason> NOT_THE_DECODERS =
            EnumSet.of(
                    QuarantineReason.ORPHAN,
                    QuarantineReason.REJECTED_BY_ELASTICSEARCH,
                    QuarantineReason.REJECTED_BY_RECEIVER,
                    QuarantineReason.UNDELIVERABLE,
                    QuarantineReason.REVIEW_UNKNOWN_SUBJECT,
                    QuarantineReason.REVIEW_ALREADY_DECIDED);

    static Stream<Arguments> rejections() {
        return Stream.of(
                row(
                        QuarantineReason.NOT_UTF8,
                        new byte[] {'{', (byte) 0xff, '}'},
                        "the payload is not valid UTF-8",
                        null,
                        null),
                row(
                        QuarantineReason.TOO_LARGE,
                        utf8("{\"eventId\":\"" + "x".repeat(MAX_EVENT_BYTES) + "\"}"),
                        (MAX_EVENT_BYTES + 14) + " bytes, above the limit of " + MAX_EVENT_BYTES,
                        null,
                        null),
                row(
                        QuarantineReason.MALFORMED_JSON,
                        utf8("{\"eventId\":"),
                        "Unexpected end-of-input within/between Object entries at column 12",
                        null,
                        null),
                row(
                        QuarantineReason.MISSING_FIELD,
                        utf8(
                                "{\"ticketId\":\"T-1\",\"type\":\"RESPONDED\","
                                        + "\"occurredAt\":\"2026-11-23T09:00:00+08:00\"}"),
                        "missing eventId",
                        "T-1",
                        null),
                row(
                        QuarantineReason.UNKNOWN_TYPE,
                        utf8(
                                "{\"eventId\":\"e-1\",\"ticketId\":\"T-1\",\"type\":\"ESCALATE\","
                                        + "\"occurredAt\":\"2026-11-23T09:00:00+08:00\"}"),
                        "unknown event type 'ESCALATE'",
                        "T-1",
                        "e-1"),
                row(
                        QuarantineReason.BAD_VALUE,
                        utf8(
                                "{\"eventId\":\"e-1\",\"ticketId\":\"T-1\",\"type\":\"CREATED\","
                                        + "\"occurredAt\":\"2026-11-23T09:00:00+08:00\","
                                        + "\"channel\":\"FAX\",\"priority\":\"LOW\"}"),
                        "unknown channel 'FAX'",
                        "T-1",
                        "e-1"),
                row(
                        QuarantineReason.BAD_TIMESTAMP,
                        utf8(
                                "{\"eventId\":\"e-1\",\"ticketId\":\"T-1\",\"type\":\"RESPONDED\","
                                        + "\"occurredAt\":\"2026-11-23 09:00\"}"),
                        "occurredAt '2026-11-23 09:00' is not an ISO-8601 instant with offset",
                        "T-1",
                        "e-1"),
                row(
                        QuarantineReason.FUTURE_TIMESTAMP,
                        utf8(
                                "{\"eventId\":\"e-1\",\"ticketId\":\"T-1\",\"type\":\"RESPONDED\","
                                        + "\"occurredAt\":\"2026-11-23T09:10:00+08:00\"}"),
                        "occurredAt 2026-11-23T01:10:00Z is more than PT5M ahead of the clock"
                                + " (2026-11-23T01:00:00Z)",
                        "T-1",
                        "e-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void shouldQuarantineWholeWithTheReasonAndWhereItCameFrom(
            QuarantineReason reason,
            byte[] payload,
            String detail,
            String ticketId,
            String eventId) {
        Decoded decoded = DECODER.decode(new RawEvent(FILE, RawEvent.FILE, LINE, payload));

        boolean utf8 = reason != QuarantineReason.NOT_UTF8;
        assertThat(decoded.ok()).isFalse();
        assertThat(decoded.quarantined())
                .isEqualTo(
                        new QuarantineRecord(
                                reason,
                                detail,
                                MONDAY_0900,
                                utf8
                                        ? new String(payload, StandardCharsets.UTF_8)
                                        : java.util.Base64.getEncoder().encodeToString(payload),
                                utf8 ? PayloadEncoding.UTF8 : PayloadEncoding.BASE64,
                                null,
                                null,
                                null,
                                FILE,
                                LINE,
                                ticketId,
                                eventId));
    }

    @Test
    void shouldHaveARowForEveryReasonTheDecoderGives() {
        Set<QuarantineReason> tabled =
                rejections()
                        .map(row -> (QuarantineReason) row.get()[0])
                        .collect(
                                Collectors.toCollection(
                                        () -> EnumSet.noneOf(QuarantineReason.class)));
        tabled.addAll(NOT_THE_DECODERS);

        assertThat(tabled).containsExactlyInAnyOrder(QuarantineReason.values());
    }

    @Test
    void shouldDecodeAValidEventWithoutQuarantine() {
        Decoded decoded =
                DECODER.decode(
                        new RawEvent(
                                FILE,
                                RawEvent.FILE,
                                LINE,
                                utf8(
                                        "{\"eventId\":\"e-1\",\"ticketId\":\"T-1\",\"type\":\"RESPONDED\","
                                                + "\"occurredAt\":\"2026-11-23T09:00:00+08:00\"}")));

        assertThat(decoded.ok()).isTrue();
        assertThat(decoded.event().occurredAt()).isEqualTo(MONDAY_0900);
    }

    private static Arguments row(
            QuarantineReason reason,
            byte[] payload,
            String detail,
            String ticketId,
            String eventId) {
        return Arguments.of(reason, payload, detail, ticketId, eventId);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

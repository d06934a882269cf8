package io.slawatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.RawEvent;
import io.slawatch.model.Review;
import io.slawatch.model.ReviewDecision;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reviews as the contract (schemas/review.schema.json) says, and every way one is refused. */
class ReviewDecoderTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    static final ReviewDecoder DECODER =
            new ReviewDecoder(512, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
    static final String FILE = "reviews.jsonl";
    static final String ALERT = "T-1:RESPONSE:1:BREACHED:1";

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of(
                        "{\"decision\":\"CONFIRM\",\"alertId\":\"" + ALERT + "\"}",
                        QuarantineReason.MISSING_FIELD,
                        "missing reviewId"),
                Arguments.of(
                        review("APPROVE", "\"alertId\":\"" + ALERT + "\",\"reason\":\"r\""),
                        QuarantineReason.BAD_VALUE,
                        "unknown decision 'APPROVE'"),
                Arguments.of(
                        review("CONFIRM", "\"reason\":\"r\""),
                        QuarantineReason.MISSING_FIELD,
                        "CONFIRM needs the alertId of a case"),
                Arguments.of(
                        review("WAIVE", "\"alertId\":\"" + ALERT + "\""),
                        QuarantineReason.MISSING_FIELD,
                        "missing reason"),
                Arguments.of(
                        review(
                                "CONFIRM",
                                "\"alertId\":\"" + ALERT + "\",\"entryId\":\"x\",\"reason\":\"r\""),
                        QuarantineReason.BAD_VALUE,
                        "CONFIRM decides a case by alertId; entryId is for DONE"),
                Arguments.of(
                        review("CONFIRM", "\"alertId\":\"T-1\",\"reason\":\"r\""),
                        QuarantineReason.BAD_VALUE,
                        "alertId 'T-1' is not TICKET:CLOCK:CYCLE:KIND:LEVEL"),
                Arguments.of(
                        review("DONE", ""),
                        QuarantineReason.MISSING_FIELD,
                        "DONE needs the entryId of an action"),
                Arguments.of(
                        review("DONE", "\"entryId\":\"x\",\"alertId\":\"" + ALERT + "\""),
                        QuarantineReason.BAD_VALUE,
                        "DONE marks an action by entryId; alertId is for CONFIRM and WAIVE"),
                Arguments.of(
                        "{\"reviewId\":\"R-1\",\"decision\":\"DONE\",\"reviewer\":\"sup-1\","
                                + "\"entryId\":\"x\",\"decidedAt\":\"2026-11-25T09:00:00Z\"}",
                        QuarantineReason.FUTURE_TIMESTAMP,
                        "decidedAt 2026-11-25T09:00:00Z is more than PT5M ahead of the clock"),
                Arguments.of(
                        "{\"reviewId\":\"R-1\",\"decision\":\"DONE\",\"reviewer\":\"sup-1\","
                                + "\"entryId\":\"x\",\"decidedAt\":\"yesterday\"}",
                        QuarantineReason.BAD_TIMESTAMP,
                        "decidedAt 'yesterday' is not an ISO-8601 instant with offset"),
                Arguments.of("{\"reviewId\":", QuarantineReason.MALFORMED_JSON, null),
                Arguments.of(
                        "{\"reviewId\":\"" + "x".repeat(600) + "\"}",
                        QuarantineReason.TOO_LARGE,
                        "615 bytes, above the limit of 512"));
    }

    static String review(String decision, String fields) {
        return "{\"reviewId\":\"R-1\",\"decision\":\""
                + decision
                + "\",\"reviewer\":\"sup-1\",\"decidedAt\":\"2026-11-25T15:30:00+08:00\""
                + (fields.isEmpty() ? "" : "," + fields)
                + "}";
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("rejections")
    void shouldQuarantineAReviewThatBreaksTheContractWithItsReason(
            String line, QuarantineReason reason, String detail) {
        DecodedReview decoded = decode(line.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.ok()).isFalse();
        QuarantineRecord record = decoded.quarantined();
        assertThat(record.reason()).isEqualTo(reason);
        if (detail != null) {
            assertThat(record.detail()).isEqualTo(detail);
        }
        assertThat(record.file()).isEqualTo(FILE);
        assertThat(record.line()).isEqualTo(7L);
        assertThat(record.payload()).isEqualTo(line);
        assertThat(record.quarantinedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldQuarantineBytesThatAreNotUtf8() {
        DecodedReview decoded = decode(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

        assertThat(decoded.quarantined().reason()).isEqualTo(QuarantineReason.NOT_UTF8);
    }

    @Test
    void shouldDecodeAConfirmationWithItsTicket() {
        DecodedReview decoded =
                decode(
                        review("CONFIRM", "\"alertId\":\"" + ALERT + "\",\"reason\":\"checked\"")
                                .getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.review())
                .isEqualTo(
                        new Review(
                                "R-1",
                                ALERT,
                                null,
                                ReviewDecision.CONFIRM,
                                "sup-1",
                                "checked",
                                Instant.parse("2026-11-25T07:30:00Z")));
        assertThat(decoded.review().ticketId()).isEqualTo("T-1");
    }

    private static DecodedReview decode(byte[] bytes) {
        return DECODER.decode(new RawEvent(FILE, RawEvent.FILE, 7, bytes));
    }
}

package io.slawatch.ingest;

import io.slawatch.ingest.JsonRecord.Fields;
import io.slawatch.ingest.JsonRecord.Rejection;
import io.slawatch.model.Alert;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.RawEvent;
import io.slawatch.model.Review;
import io.slawatch.model.ReviewDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Turns raw bytes into a validated {@link Review} (schemas/review.schema.json), or a quarantine
 * record with the reason. It never throws on bad input.
 */
public final class ReviewDecoder implements RawDecoder<DecodedReview> {

    private static final long serialVersionUID = 1L;

    /** Longest reason accepted; a review explains itself in a sentence or two. */
    static final int MAX_REASON_LENGTH = 2000;

    private final int maxBytes;
    private final Duration futureSkew;
    private final Clock clock;

    public ReviewDecoder(int maxBytes, Duration futureSkew, Clock clock) {
        this.maxBytes = maxBytes;
        this.futureSkew = futureSkew;
        this.clock = clock;
    }

    public static ReviewDecoder withDefaults() {
        return new ReviewDecoder(
                EventDecoder.DEFAULT_MAX_EVENT_BYTES,
                EventDecoder.DEFAULT_FUTURE_SKEW,
                Clock.systemUTC());
    }

    @Override
    public TypeInformation<DecodedReview> producedType() {
        return TypeInformation.of(DecodedReview.class);
    }

    @Override
    public DecodedReview decode(RawEvent raw) {
        JsonRecord record = JsonRecord.parse(raw, maxBytes);
        if (!record.ok()) {
            return reject(raw, record, record.reason(), record.detail());
        }
        try {
            return new DecodedReview(read(record.fields()), null);
        } catch (Rejection rejection) {
            return reject(raw, record, rejection.reason, rejection.getMessage());
        }
    }

    private Review read(Fields fields) throws Rejection {
        String reviewId = fields.id("reviewId", true);
        ReviewDecision decision = fields.enumValue("decision", ReviewDecision.class, true);
        String reviewer = fields.id("reviewer", true);
        Instant decidedAt = fields.instant("decidedAt", true);
        if (decidedAt.isAfter(clock.instant().plus(futureSkew))) {
            throw new Rejection(
                    QuarantineReason.FUTURE_TIMESTAMP,
                    "decidedAt "
                            + decidedAt
                            + " is more than "
                            + futureSkew
                            + " ahead of the clock");
        }
        String alertId = fields.id("alertId", false);
        String entryId = fields.id("entryId", false);
        String reason = fields.text("reason", decision.decidesCase());
        if (reason != null && (reason.isBlank() || reason.length() > MAX_REASON_LENGTH)) {
            throw new Rejection(
                    QuarantineReason.BAD_VALUE,
                    "reason must have 1 to " + MAX_REASON_LENGTH + " characters");
        }
        if (decision.decidesCase()) {
            if (alertId == null) {
                throw new Rejection(
                        QuarantineReason.MISSING_FIELD, decision + " needs the alertId of a case");
            }
            if (entryId != null) {
                throw new Rejection(
                        QuarantineReason.BAD_VALUE,
                        decision + " decides a case by alertId; entryId is for DONE");
            }
            if (Alert.ticketIdOf(alertId) == null) {
                throw new Rejection(
                        QuarantineReason.BAD_VALUE,
                        "alertId '" + alertId + "' is not TICKET:CLOCK:CYCLE:KIND:LEVEL");
            }
        } else {
            if (entryId == null) {
                throw new Rejection(
                        QuarantineReason.MISSING_FIELD, "DONE needs the entryId of an action");
            }
            if (alertId != null) {
                throw new Rejection(
                        QuarantineReason.BAD_VALUE,
                        "DONE marks an action by entryId; alertId is for CONFIRM and WAIVE");
            }
        }
        return new Review(reviewId, alertId, entryId, decision, reviewer, reason, decidedAt);
    }

    private DecodedReview reject(
            RawEvent raw, JsonRecord record, QuarantineReason reason, String detail) {
        return new DecodedReview(
                null,
                QuarantineRecord.ofInput(
                        raw,
                        record.text(),
                        reason,
                        detail,
                        clock.instant(),
                        Alert.ticketIdOf(record.peek("alertId")),
                        record.peek("reviewId")));
    }
}

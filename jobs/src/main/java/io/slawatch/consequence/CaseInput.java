package io.slawatch.consequence;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.Review;
import java.util.Comparator;

/**
 * One input of {@link CaseFunction}, keyed by ticket: a BREACHED or RETRACTED alert, the outcome of
 * a late clock, or a CONFIRM or WAIVE review. Exactly one field is set.
 */
public record CaseInput(Alert alert, ClockOutcome outcome, Review review) {

    /**
     * The order of inputs of one instant: a breach opens its case before anything can refer to it,
     * then retractions and late stops, then reviews by id.
     */
    static final Comparator<CaseInput> ORDER =
            Comparator.comparingInt(CaseInput::rank).thenComparing(CaseInput::id);

    public static CaseInput of(Alert alert) {
        return new CaseInput(alert, null, null);
    }

    public static CaseInput of(ClockOutcome outcome) {
        return new CaseInput(null, outcome, null);
    }

    public static CaseInput of(Review review) {
        return new CaseInput(null, null, review);
    }

    /** True for an alert a case can follow from: level 1 BREACHED, or its retraction. */
    public static boolean concerns(Alert alert) {
        return alert.level() == 1
                && (alert.kind() == AlertKind.BREACHED || alert.kind() == AlertKind.RETRACTED);
    }

    /** True for an outcome that makes a breach's lateness known. */
    public static boolean concerns(ClockOutcome outcome) {
        return outcome.status() == OutcomeStatus.MET_LATE
                || (outcome.status() == OutcomeStatus.CANCELLED
                        && outcome.endedAt() != null
                        && outcome.endedAt().isAfter(outcome.deadline()));
    }

    public String ticketId() {
        if (alert != null) {
            return alert.ticketId();
        }
        return outcome != null ? outcome.ticketId() : review.ticketId();
    }

    /**
     * The input's event time, in epoch milliseconds. A retraction counts from its breach's deadline
     * at the earliest: the stop it reports happened before, but is known only after the breach.
     */
    public long at() {
        if (alert != null) {
            long at = alert.eventTime().toEpochMilli();
            return alert.kind() == AlertKind.RETRACTED
                    ? Math.max(at, alert.deadline().toEpochMilli())
                    : at;
        }
        return outcome != null
                ? outcome.endedAt().toEpochMilli()
                : review.decidedAt().toEpochMilli();
    }

    private int rank() {
        if (alert != null) {
            return alert.kind() == AlertKind.BREACHED ? 0 : 1;
        }
        return outcome != null ? 2 : 3;
    }

    private String id() {
        if (alert != null) {
            return alert.alertId();
        }
        return outcome != null ? outcome.outcomeId() : review.reviewId();
    }
}

package io.slawatch.model;

/** Why an input could not be used. Every quarantined record carries exactly one. */
public enum QuarantineReason {
    MALFORMED_JSON,
    TOO_LARGE,
    NOT_UTF8,
    UNKNOWN_TYPE,
    MISSING_FIELD,
    BAD_VALUE,
    BAD_TIMESTAMP,
    FUTURE_TIMESTAMP,
    ORPHAN,
    REJECTED_BY_ELASTICSEARCH,
    /**
     * An alert a receiver refused (a 4xx other than 408, 410 and 429): its answer is the detail.
     */
    REJECTED_BY_RECEIVER,
    /** An alert no receiver took within its {@code maxAge}, or beyond its queue's capacity. */
    UNDELIVERABLE,
    /** A review of an alert that has no case, or a DONE for no open action. */
    REVIEW_UNKNOWN_SUBJECT,
    /** A second decision on a case already decided (or retracted). */
    REVIEW_ALREADY_DECIDED;

    /** True for a reason only a review can have. */
    public boolean aboutReviews() {
        return this == REVIEW_UNKNOWN_SUBJECT || this == REVIEW_ALREADY_DECIDED;
    }
}

package io.slawatch.consequence;

/** Where a case stands. */
public enum CaseStatus {
    /** Waiting for the supervision team, or for the policy at its verification deadline. */
    OPEN,
    CONFIRMED,
    WAIVED,
    RETRACTED
}

package io.slawatch.model;

/** What a {@link StatsSample} counts. A retraction subtracts what the retracted breach added. */
public enum SampleKind {
    MET,
    MET_LATE,
    BREACHED,
    BREACH_RETRACTED
}

package io.slawatch.model;

/** What a {@link StatsSample} counts. Retractions subtract what the retracted alert added. */
public enum SampleKind {
    TICKET_CREATED,
    CLOCK_STARTED,
    MET,
    MET_LATE,
    AT_RISK,
    BREACHED,
    BREACH_RETRACTED,
    ESCALATED,
    ESCALATION_RETRACTED
}

package io.slawatch.model;

/** What an alert says about a clock. */
public enum AlertKind {
    /** The warning instant passed: the deadline is near. */
    AT_RISK,
    /** The deadline passed without a stop event (level 1). */
    BREACHED,
    /** An escalation level (2, 3, …) after the deadline passed. */
    ESCALATED,
    /** The clock stopped after its deadline. */
    MET_LATE,
    /** A late stop event proved an earlier BREACHED or ESCALATED alert wrong. */
    RETRACTED
}

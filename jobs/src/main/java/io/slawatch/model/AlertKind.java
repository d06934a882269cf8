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
    RETRACTED,
    /**
     * ARRIVAL only: the technician's latest ETA makes arriving after the deadline at least as
     * likely as the policy's {@code prediction.minProbability}; level counts the predictions of the
     * cycle.
     */
    PREDICTED_BREACH,
    /** A later ETA brought the probability of a predicted breach below the threshold. */
    PREDICTION_CLEARED
}

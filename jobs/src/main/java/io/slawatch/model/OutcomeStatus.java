package io.slawatch.model;

/** How a clock ended, or that it had not ended when a bounded input ran out. */
public enum OutcomeStatus {
    MET,
    MET_LATE,
    CANCELLED,
    RUNNING
}

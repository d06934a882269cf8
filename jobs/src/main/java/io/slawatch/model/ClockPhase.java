package io.slawatch.model;

/** Where a clock cycle stands now, as the control room sees it. */
public enum ClockPhase {
    RUNNING,
    PAUSED,
    AT_RISK,
    BREACHED,
    ESCALATED,
    MET,
    MET_LATE,
    CANCELLED
}

package io.slawatch.report;

/** What the report counts a clock cycle as. */
public enum ClockResult {
    /** Stopped by its deadline. */
    MET,
    /** Stopped after its deadline, or still running with a BREACHED alert standing. */
    BREACHED,
    /** Still running, deadline not passed: not counted in a met rate. */
    OPEN,
    /** Cancelled: not counted. */
    CANCELLED;

    public boolean decided() {
        return this == MET || this == BREACHED;
    }
}

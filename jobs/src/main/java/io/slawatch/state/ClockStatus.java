package io.slawatch.state;

/** Where one clock cycle stands. */
public enum ClockStatus {
    RUNNING,
    PAUSED,
    MET,
    MET_LATE,
    CANCELLED;

    public boolean isOpen() {
        return this == RUNNING || this == PAUSED;
    }
}

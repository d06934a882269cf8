package io.slawatch.model;

/** The SLA clocks a ticket can run. */
public enum ClockType {
    RESPONSE,
    ARRIVAL,
    RESOLUTION
}

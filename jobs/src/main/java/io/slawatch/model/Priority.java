package io.slawatch.model;

/** Ticket priority, most urgent first. */
public enum Priority {
    CRITICAL,
    URGENT,
    NORMAL,
    LOW
}

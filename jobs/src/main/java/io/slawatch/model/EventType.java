package io.slawatch.model;

/** What happened to a ticket; see DESIGN.md "Input". */
public enum EventType {
    CREATED,
    RESPONDED,
    DISPATCHED,
    ARRIVED,
    PAUSED,
    RESUMED,
    RESOLVED,
    REOPENED,
    CLOSED,
    CANCELLED,
    REASSIGNED,
    UPDATED,
    /** A technician's new estimate of arrival ({@code etaAt}), on the way to the site. */
    ETA_UPDATED
}

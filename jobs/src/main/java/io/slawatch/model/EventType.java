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
    ETA_UPDATED,
    /** The customer complained about the service; the complaint is owed an answer. */
    COMPLAINT,
    /** The complaint was answered. */
    COMPLAINT_ANSWERED,
    /** The customer wrote (chat, e-mail); a reply is owed. */
    CUSTOMER_MESSAGE,
    /** An agent wrote to the customer. */
    AGENT_MESSAGE,
    /** The customer was told how the work stands, unasked. */
    CUSTOMER_UPDATED
}

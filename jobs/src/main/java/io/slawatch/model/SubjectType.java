package io.slawatch.model;

/** Whom a ledger entry concerns. */
public enum SubjectType {
    /** The breach itself; subjectId is the alert id. */
    CASE,
    AGENT,
    TEAM,
    /** subjectId is the ticket's pseudonymous customerId, or the ticket id without one. */
    CUSTOMER
}

package io.slawatch.model;

/** What a review decides: a case (CONFIRM, WAIVE) or that an action was carried out (DONE). */
public enum ReviewDecision {
    CONFIRM,
    WAIVE,
    DONE;

    public boolean decidesCase() {
        return this != DONE;
    }
}

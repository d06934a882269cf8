package io.slawatch.model;

/** What a ledger entry records. */
public enum LedgerKind {
    /** A case opened for a BREACHED alert: the supervision team has until {@code dueBy}. */
    VERIFICATION_REQUESTED,
    CONFIRMED,
    WAIVED,
    /** The breach was retracted before its case was decided: no consequence. */
    RETRACTED,
    WARNING,
    TRAINING,
    POINTS,
    SUSPENSION,
    NOTICE,
    APOLOGY,
    COUPON,
    UPGRADE,
    MANUAL_REVIEW,
    DONE,
    OVERDUE,
    /** Undoes the entry named in {@code reverses}. */
    REVERSAL;

    /** True for an action people carry out by its {@code dueBy}, and mark DONE. */
    public boolean isAction() {
        return switch (this) {
            case WARNING, TRAINING, SUSPENSION, NOTICE, APOLOGY, COUPON, UPGRADE, MANUAL_REVIEW ->
                    true;
            default -> false;
        };
    }
}

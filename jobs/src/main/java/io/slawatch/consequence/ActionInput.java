package io.slawatch.consequence;

import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.Review;

/**
 * One input of {@link ActionDueFunction}, keyed by the action's entryId: an action entry, the
 * REVERSAL of one, or a DONE review. Exactly one field is set.
 */
public record ActionInput(LedgerEntry entry, Review done) {

    public static ActionInput of(LedgerEntry entry) {
        return new ActionInput(entry, null);
    }

    public static ActionInput of(Review done) {
        return new ActionInput(null, done);
    }

    /** True for a ledger entry the action tracker needs: an action, or a reversal. */
    public static boolean concerns(LedgerEntry entry) {
        return entry.kind().isAction() || entry.kind() == LedgerKind.REVERSAL;
    }

    /** The action this input is about. */
    public String actionId() {
        if (done != null) {
            return done.entryId();
        }
        return entry.kind() == LedgerKind.REVERSAL ? entry.reverses() : entry.entryId();
    }
}

package io.slawatch.consequence;

import io.slawatch.model.LedgerEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * A keyed operator's ledger entries that a later decision may still reverse, by id, as much of each
 * as its reversal copies: written when issued, removed when reversed, and dropped by the operator's
 * own clean-up timer with the rest of its state.
 */
final class IssuedEntries {

    private final MapState<String, LedgerEntry> issued;

    IssuedEntries(RuntimeContext runtime) {
        issued =
                runtime.getMapState(
                        new MapStateDescriptor<>(
                                "issued", Types.STRING, TypeInformation.of(LedgerEntry.class)));
    }

    /** Emits {@code entry} and keeps it for a reversal; returns its id. */
    String issue(Entries entry, Collector<LedgerEntry> out) throws Exception {
        LedgerEntry built = entry.build();
        issued.put(built.entryId(), Entries.keptForReversal(built));
        out.collect(built);
        return built.entryId();
    }

    /**
     * Emits the reversal of {@code entryId} when it is held (null or reversed already: nothing);
     * returns null, for the caller's reference to it.
     */
    String reverse(String entryId, long at, String reason, Collector<LedgerEntry> out)
            throws Exception {
        if (entryId == null) {
            return null;
        }
        LedgerEntry original = issued.get(entryId);
        if (original != null) {
            issued.remove(entryId);
            out.collect(Entries.reversal(original, at, reason));
        }
        return null;
    }

    /** Forgets the entries of {@code months} (yyyy-MM). */
    void forgetMonths(Collection<String> months) throws Exception {
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, LedgerEntry> entry : issued.entries()) {
            if (months.contains(entry.getValue().month())) {
                gone.add(entry.getKey());
            }
        }
        for (String entryId : gone) {
            issued.remove(entryId);
        }
    }

    void clear() {
        issued.clear();
    }
}

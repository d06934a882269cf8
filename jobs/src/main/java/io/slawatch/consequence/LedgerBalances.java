package io.slawatch.consequence;

import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.SubjectType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a ledger adds up to: each case's final state, each subject's points, the actions still in
 * force (not reversed) and what became of them, the compensation given. Entries are immutable; a
 * REVERSAL takes its entry out, and carries the negated points so that a plain sum nets out.
 */
public final class LedgerBalances {

    /** What became of an action: DONE, OVERDUE (not done by its due date, nor since), or OPEN. */
    public enum ActionState {
        DONE,
        OVERDUE,
        OPEN
    }

    /** An action in force, and what became of it. */
    public record Action(LedgerEntry entry, ActionState state) {}

    /** One subject's balance. */
    public record Balance(SubjectType type, String id, int points, List<Action> actions) {}

    private final Map<String, CaseState> cases = new TreeMap<>();
    private final Map<String, Subject> subjects = new TreeMap<>();
    private final List<Action> actions = new ArrayList<>();
    private final Map<LedgerKind, Long> entriesByKind = new EnumMap<>(LedgerKind.class);
    private int casesConfirmedByPolicy;

    /** Where a case ended; OPEN while undecided. */
    public enum CaseState {
        OPEN,
        CONFIRMED,
        WAIVED,
        RETRACTED
    }

    private LedgerBalances() {}

    public static LedgerBalances of(List<LedgerEntry> entries) {
        LedgerBalances ledger = new LedgerBalances();
        Set<String> reversed = new HashSet<>();
        Map<String, LedgerKind> followUps = new HashMap<>();
        for (LedgerEntry entry : entries) {
            ledger.entriesByKind.merge(entry.kind(), 1L, Long::sum);
            if (entry.kind() == LedgerKind.REVERSAL) {
                reversed.add(entry.reverses());
            } else if (entry.kind() == LedgerKind.DONE) {
                followUps.put(entry.actionId(), LedgerKind.DONE);
            } else if (entry.kind() == LedgerKind.OVERDUE) {
                followUps.putIfAbsent(entry.actionId(), LedgerKind.OVERDUE);
            }
        }
        for (LedgerEntry entry : entries) {
            Subject subject = ledger.balance(entry);
            if (entry.points() != null) {
                subject.points += entry.points();
            }
            if (reversed.contains(entry.entryId())) {
                continue;
            }
            switch (entry.kind()) {
                case VERIFICATION_REQUESTED ->
                        ledger.cases.putIfAbsent(entry.alertId(), CaseState.OPEN);
                case CONFIRMED -> {
                    ledger.decide(entry.alertId(), CaseState.CONFIRMED);
                    if (LedgerEntry.POLICY.equals(entry.decidedBy())) {
                        ledger.casesConfirmedByPolicy++;
                    }
                }
                case WAIVED -> ledger.decide(entry.alertId(), CaseState.WAIVED);
                case RETRACTED -> ledger.cases.put(entry.alertId(), CaseState.RETRACTED);
                default -> {
                    if (entry.kind().isAction()) {
                        LedgerKind followUp = followUps.get(entry.entryId());
                        Action action =
                                new Action(
                                        entry,
                                        followUp == LedgerKind.DONE
                                                ? ActionState.DONE
                                                : followUp == LedgerKind.OVERDUE
                                                        ? ActionState.OVERDUE
                                                        : ActionState.OPEN);
                        ledger.actions.add(action);
                        ledger.balance(entry).actions.add(action);
                    }
                }
            }
        }
        return ledger;
    }

    private void decide(String alertId, CaseState state) {
        if (cases.get(alertId) != CaseState.RETRACTED) {
            cases.put(alertId, state);
        }
    }

    private Subject balance(LedgerEntry entry) {
        return subjects.computeIfAbsent(
                entry.subjectType() + ":" + entry.subjectId(),
                key -> new Subject(entry.subjectType(), entry.subjectId()));
    }

    /** A subject's balance being added up. */
    private static final class Subject {
        final SubjectType type;
        final String id;
        int points;
        final List<Action> actions = new ArrayList<>();

        Subject(SubjectType type, String id) {
            this.type = type;
            this.id = id;
        }
    }

    /** Every subject's balance, by type then id. */
    public List<Balance> balances() {
        return subjects.values().stream()
                .map(s -> new Balance(s.type, s.id, s.points, List.copyOf(s.actions)))
                .toList();
    }

    public Map<String, CaseState> cases() {
        return cases;
    }

    public int casesConfirmedByPolicy() {
        return casesConfirmedByPolicy;
    }

    public List<Action> actions() {
        return actions;
    }

    public Map<LedgerKind, Long> entriesByKind() {
        return entriesByKind;
    }
}

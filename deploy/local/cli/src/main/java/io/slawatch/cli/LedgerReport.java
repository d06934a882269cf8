package io.slawatch.cli;

import io.slawatch.consequence.LedgerBalances;
import io.slawatch.consequence.LedgerBalances.Action;
import io.slawatch.consequence.LedgerBalances.ActionState;
import io.slawatch.consequence.LedgerBalances.Balance;
import io.slawatch.consequence.LedgerBalances.CaseState;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.SubjectType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A ledger's balances as text: cases, actions, compensation, agents' and teams' standing. */
final class LedgerReport {

    private LedgerReport() {}

    static String render(List<LedgerEntry> entries) {
        LedgerBalances ledger = LedgerBalances.of(entries);
        StringBuilder text = new StringBuilder();
        text.append("ledger: ").append(entries.size()).append(" entries\n");
        Map<CaseState, Long> cases = count(ledger.cases().values(), CaseState.class);
        text.append(
                String.format(
                        Locale.ROOT,
                        "cases: %d opened: %d confirmed (%d by the policy), %d waived, %d retracted,"
                                + " %d undecided%n",
                        ledger.cases().size(),
                        cases.getOrDefault(CaseState.CONFIRMED, 0L),
                        ledger.casesConfirmedByPolicy(),
                        cases.getOrDefault(CaseState.WAIVED, 0L),
                        cases.getOrDefault(CaseState.RETRACTED, 0L),
                        cases.getOrDefault(CaseState.OPEN, 0L)));
        Map<ActionState, Long> actions =
                count(ledger.actions().stream().map(Action::state).toList(), ActionState.class);
        text.append(
                String.format(
                        Locale.ROOT,
                        "actions: %d in force: %d done, %d overdue, %d open; %d reversed%n",
                        ledger.actions().size(),
                        actions.getOrDefault(ActionState.DONE, 0L),
                        actions.getOrDefault(ActionState.OVERDUE, 0L),
                        actions.getOrDefault(ActionState.OPEN, 0L),
                        ledger.entriesByKind().getOrDefault(LedgerKind.REVERSAL, 0L)));
        Map<String, Long> compensation = new TreeMap<>();
        for (Action action : ledger.actions()) {
            LedgerEntry entry = action.entry();
            switch (entry.kind()) {
                case COUPON ->
                        compensation.merge("COUPON " + entry.couponPercent() + "%", 1L, Long::sum);
                case UPGRADE ->
                        compensation.merge(
                                "UPGRADE " + entry.upgradeMonths() + " months", 1L, Long::sum);
                case MANUAL_REVIEW -> compensation.merge("MANUAL_REVIEW", 1L, Long::sum);
                default -> {}
            }
        }
        text.append("compensation: ")
                .append(
                        compensation.isEmpty()
                                ? "none"
                                : compensation.entrySet().stream()
                                        .map(e -> e.getKey() + " " + e.getValue())
                                        .collect(Collectors.joining(", ")))
                .append('\n');
        subjects(text, ledger, SubjectType.AGENT, "agents");
        subjects(text, ledger, SubjectType.TEAM, "teams");
        return text.toString();
    }

    /** Each subject of {@code type}: points, then every action not DONE, and suspensions. */
    private static void subjects(
            StringBuilder text, LedgerBalances ledger, SubjectType type, String title) {
        List<Balance> balances = ledger.balances().stream().filter(b -> b.type() == type).toList();
        if (balances.isEmpty()) {
            return;
        }
        text.append(title).append(" (points; actions not done; suspensions):\n");
        for (Balance balance : balances) {
            List<String> notes = new ArrayList<>();
            for (Action action : balance.actions()) {
                LedgerEntry entry = action.entry();
                if (entry.kind() == LedgerKind.SUSPENSION) {
                    notes.add("SUSPENSION " + entry.from() + ".." + entry.to());
                }
                if (action.state() != ActionState.DONE) {
                    notes.add(
                            entry.kind()
                                    + " "
                                    + action.state().name().toLowerCase(Locale.ROOT)
                                    + " (due "
                                    + entry.dueBy()
                                    + ")");
                }
            }
            text.append(String.format(Locale.ROOT, "  %-16s %5d", balance.id(), balance.points()));
            if (!notes.isEmpty()) {
                text.append("  ").append(String.join("; ", notes));
            }
            text.append('\n');
        }
    }

    private static <E extends Enum<E>> Map<E, Long> count(Collection<E> values, Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        values.forEach(value -> counts.merge(value, 1L, Long::sum));
        return counts;
    }
}

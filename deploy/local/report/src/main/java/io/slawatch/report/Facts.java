package io.slawatch.report;

import io.slawatch.consequence.LedgerBalances;
import io.slawatch.consequence.LedgerBalances.Action;
import io.slawatch.consequence.LedgerBalances.ActionState;
import io.slawatch.consequence.LedgerBalances.CaseState;
import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.TicketAttributes;
import io.slawatch.policy.CompensationTier;
import io.slawatch.policy.ConsequencePolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data joined once for every figure: each clock cycle's result, each breach's case, each
 * ticket's compensation in force.
 */
final class Facts {

    /** A level-1 BREACHED alert, with its clock's outcome when it has one. */
    record BreachFact(Alert alert, ClockFact clock, boolean retracted) {
        String responsible() {
            return alert.attributes() == null
                    ? null
                    : alert.attributes().responsibleFor(alert.clock());
        }

        Long lateSeconds() {
            return clock != null && clock.outcome().status() == OutcomeStatus.MET_LATE
                    ? clock.outcome().lateSeconds()
                    : null;
        }
    }

    /** A ticket's compensation in force: its tier and whether all of it was given. */
    record TicketCompensation(
            String ticketId, String month, CompensationTier tier, ActionState state) {}

    final Period period;
    final List<ClockFact> clocks = new ArrayList<>();
    final List<BreachFact> breaches = new ArrayList<>();
    final LedgerBalances ledger;
    final List<LedgerEntry> entries;
    final Map<String, TicketAttributes> tickets = new HashMap<>();
    final Map<String, TicketCompensation> compensation = new HashMap<>();
    private final ConsequencePolicy consequences;

    Facts(ReportData data, ConsequencePolicy consequences, Period period) {
        this.period = period;
        this.consequences = consequences;
        this.entries = data.ledger();
        this.ledger = LedgerBalances.of(data.ledger());
        Set<String> retracted = new HashSet<>();
        Map<String, Alert> breached = new HashMap<>();
        for (Alert alert : data.alerts()) {
            if (alert.kind() == AlertKind.RETRACTED) {
                retracted.add(alert.retractsAlertId());
            } else if (alert.kind() == AlertKind.BREACHED && alert.level() == 1) {
                breached.putIfAbsent(alert.alertId(), alert);
            }
        }
        Map<String, ClockFact> byAlert = new HashMap<>();
        for (ClockOutcome outcome : data.outcomes()) {
            String alertId =
                    Alert.alertId(
                            outcome.ticketId(),
                            outcome.clock(),
                            outcome.cycle(),
                            AlertKind.BREACHED,
                            1);
            ClockResult result =
                    switch (outcome.status()) {
                        case MET -> ClockResult.MET;
                        case MET_LATE -> ClockResult.BREACHED;
                        case CANCELLED -> ClockResult.CANCELLED;
                        case RUNNING ->
                                breached.containsKey(alertId) && !retracted.contains(alertId)
                                        ? ClockResult.BREACHED
                                        : ClockResult.OPEN;
                    };
            ClockFact fact = new ClockFact(outcome, period.monthOf(outcome.deadline()), result);
            clocks.add(fact);
            byAlert.put(alertId, fact);
            if (outcome.attributes() != null) {
                tickets.putIfAbsent(outcome.ticketId(), outcome.attributes());
            }
        }
        for (Alert alert : breached.values()) {
            breaches.add(
                    new BreachFact(
                            alert,
                            byAlert.get(alert.alertId()),
                            retracted.contains(alert.alertId())));
            if (alert.attributes() != null) {
                tickets.putIfAbsent(alert.ticketId(), alert.attributes());
            }
        }
        breaches.sort(
                Comparator.comparing((BreachFact b) -> b.alert().deadline())
                        .thenComparing(b -> b.alert().alertId()));
        compensations();
    }

    private void compensations() {
        Map<String, List<Action>> byTicket = new HashMap<>();
        for (Action action : ledger.actions()) {
            LedgerKind kind = action.entry().kind();
            if (kind == LedgerKind.COUPON
                    || kind == LedgerKind.UPGRADE
                    || kind == LedgerKind.MANUAL_REVIEW) {
                byTicket.computeIfAbsent(action.entry().ticketId(), t -> new ArrayList<>())
                        .add(action);
            }
        }
        byTicket.forEach(
                (ticketId, actions) -> {
                    int coupon = 0;
                    int upgrade = 0;
                    boolean manual = false;
                    boolean allDone = true;
                    boolean overdue = false;
                    for (Action action : actions) {
                        LedgerEntry entry = action.entry();
                        coupon = entry.couponPercent() != null ? entry.couponPercent() : coupon;
                        upgrade = entry.upgradeMonths() != null ? entry.upgradeMonths() : upgrade;
                        manual |= entry.kind() == LedgerKind.MANUAL_REVIEW;
                        allDone &= action.state() == ActionState.DONE;
                        overdue |= action.state() == ActionState.OVERDUE;
                    }
                    compensation.put(
                            ticketId,
                            new TicketCompensation(
                                    ticketId,
                                    actions.get(0).entry().month(),
                                    tier(coupon, upgrade, manual),
                                    allDone
                                            ? ActionState.DONE
                                            : overdue ? ActionState.OVERDUE : ActionState.OPEN));
                });
    }

    /** The policy's tier that gives exactly this; null when none does (another policy's). */
    private CompensationTier tier(int coupon, int upgrade, boolean manual) {
        if (consequences == null) {
            return null;
        }
        return consequences.tiers().stream()
                .filter(
                        t ->
                                t.couponPercent() == coupon
                                        && t.upgradeMonths() == upgrade
                                        && t.manualReview() == manual)
                .findFirst()
                .orElse(null);
    }

    /** What the ledger made of a breach's case: NONE when it has no case. */
    String caseState(BreachFact breach) {
        CaseState state = ledger.cases().get(breach.alert().alertId());
        if (state == null) {
            return "NONE";
        }
        return state == CaseState.OPEN ? "UNDECIDED" : state.name();
    }

    /** True when the policy opens a case for breaches of this alert's clock. */
    boolean hasConsequences(BreachFact breach) {
        return consequences != null && consequences.applies(breach.alert().clock());
    }

    String team(String ticketId) {
        TicketAttributes attributes = tickets.get(ticketId);
        return attributes == null || attributes.team() == null
                ? Figures.NO_TEAM
                : attributes.team();
    }
}

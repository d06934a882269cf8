package io.slawatch.report;

import io.slawatch.consequence.LedgerBalances.Action;
import io.slawatch.consequence.LedgerBalances.ActionState;
import io.slawatch.consequence.LedgerBalances.CaseState;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.SubjectType;
import io.slawatch.policy.ConsequencePolicy;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.report.AuditResult.AuditException;
import io.slawatch.report.Facts.BreachFact;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The quarterly audit: is the breach data true, were the penalties carried out, did the customers
 * get their compensation. Each check is an {@link AuditCheck}; every exception names its ids.
 */
public final class Audit {

    private final Facts facts;
    private final ConsequencePolicy rules;
    private final Period quarter;
    private final Instant asOf;
    private final Map<AuditCheck, Integer> checked = new EnumMap<>(AuditCheck.class);
    private final List<AuditException> exceptions = new ArrayList<>();
    private final Set<String> entryIds = new HashSet<>();
    private final Set<String> reversed = new HashSet<>();

    /** Entries in force by alert id, kind and subject type: what a confirmed case produced. */
    private final Set<String> inForce = new HashSet<>();

    private Audit(ReportData data, SlaPolicy policy, Period quarter) {
        this.facts = new Facts(data, policy.consequences(), quarter);
        this.rules = policy.consequences();
        this.quarter = quarter;
        this.asOf = data.asOf();
        for (LedgerEntry entry : data.ledger()) {
            entryIds.add(entry.entryId());
            if (entry.kind() == LedgerKind.REVERSAL) {
                reversed.add(entry.reverses());
            }
        }
        for (LedgerEntry entry : data.ledger()) {
            if (!reversed.contains(entry.entryId()) && entry.kind() != LedgerKind.REVERSAL) {
                inForce.add(key(entry.alertId(), entry.kind(), entry.subjectType()));
            }
        }
    }

    /** The audit of {@code quarter}; a policy without consequences has nothing to reconcile. */
    public static AuditResult of(ReportData data, SlaPolicy policy, Period quarter) {
        Audit audit = new Audit(data, policy, quarter);
        if (audit.rules != null) {
            audit.breachesHaveCases();
            audit.casesHaveBreaches(data.ledger());
            audit.confirmedCasesHaveConsequences();
            audit.reversalsPointAtEntries(data.ledger());
            audit.casesDecided();
            audit.actionsFollowed();
            audit.countsAgree(SubjectType.AGENT, audit.rules.agentPointsPerBreach());
            audit.countsAgree(SubjectType.TEAM, audit.rules.teamPointsPerBreach());
        }
        return new AuditResult(quarter.label(), audit.checked, List.copyOf(audit.exceptions));
    }

    private void breachesHaveCases() {
        for (BreachFact breach : breaches()) {
            count(AuditCheck.MISSING_CASE);
            if (facts.caseState(breach).equals("NONE")) {
                fail(
                        AuditCheck.MISSING_CASE,
                        breach.alert().alertId(),
                        "BREACHED "
                                + breach.alert().clock()
                                + " alert with no VERIFICATION_REQUESTED entry");
            }
        }
    }

    private void casesHaveBreaches(List<LedgerEntry> ledger) {
        Set<String> alerts = new HashSet<>();
        facts.breaches.forEach(b -> alerts.add(b.alert().alertId()));
        for (LedgerEntry entry : ledger) {
            if (entry.kind() == LedgerKind.VERIFICATION_REQUESTED && inQuarter(entry.month())) {
                count(AuditCheck.CASE_WITHOUT_BREACH);
                if (!alerts.contains(entry.alertId())) {
                    fail(
                            AuditCheck.CASE_WITHOUT_BREACH,
                            entry.alertId(),
                            "case " + entry.entryId() + " names no BREACHED alert of the events");
                }
            }
        }
    }

    private void confirmedCasesHaveConsequences() {
        for (BreachFact breach : breaches()) {
            if (facts.ledger.cases().get(breach.alert().alertId()) != CaseState.CONFIRMED) {
                continue;
            }
            count(AuditCheck.MISSING_CONSEQUENCE);
            String alertId = breach.alert().alertId();
            List<String> missing = new ArrayList<>();
            if (breach.responsible() != null
                    && rules.agentPointsPerBreach() != 0
                    && !inForce.contains(key(alertId, LedgerKind.POINTS, SubjectType.AGENT))) {
                missing.add("agent POINTS");
            }
            if (breach.alert().attributes() != null
                    && breach.alert().attributes().team() != null
                    && rules.teamPointsPerBreach() != 0
                    && !inForce.contains(key(alertId, LedgerKind.POINTS, SubjectType.TEAM))) {
                missing.add("department POINTS");
            }
            if (!inForce.contains(key(alertId, LedgerKind.APOLOGY, SubjectType.CUSTOMER))) {
                missing.add("APOLOGY");
            }
            Long late = breach.lateSeconds();
            if (late != null
                    && rules.tier(late) != null
                    && !facts.compensation.containsKey(breach.alert().ticketId())) {
                missing.add("compensation (tier " + rules.tier(late).rank() + ")");
            }
            if (!missing.isEmpty()) {
                fail(
                        AuditCheck.MISSING_CONSEQUENCE,
                        alertId,
                        "confirmed, but no " + String.join(", no ", missing) + " in force");
            }
        }
    }

    private void reversalsPointAtEntries(List<LedgerEntry> ledger) {
        for (LedgerEntry entry : ledger) {
            if (entry.kind() == LedgerKind.REVERSAL && inQuarter(entry.month())) {
                count(AuditCheck.DANGLING_REVERSAL);
                if (!entryIds.contains(entry.reverses())) {
                    fail(
                            AuditCheck.DANGLING_REVERSAL,
                            entry.entryId(),
                            "reverses " + entry.reverses() + ", which is not in the ledger");
                }
            }
        }
    }

    private void casesDecided() {
        Map<String, Instant> verifyBy = new HashMap<>();
        for (LedgerEntry entry : facts.entries) {
            if (entry.kind() == LedgerKind.VERIFICATION_REQUESTED && inQuarter(entry.month())) {
                verifyBy.put(entry.alertId(), entry.dueBy());
            }
        }
        new TreeMap<>(verifyBy)
                .forEach(
                        (alertId, due) -> {
                            count(AuditCheck.UNDECIDED_CASE);
                            if (facts.ledger.cases().get(alertId) == CaseState.OPEN
                                    && due != null
                                    && !due.isAfter(asOf)) {
                                fail(
                                        AuditCheck.UNDECIDED_CASE,
                                        alertId,
                                        "to be decided by " + due + ", still undecided");
                            }
                        });
    }

    private void actionsFollowed() {
        for (Action action : facts.ledger.actions()) {
            Instant due = action.entry().dueBy();
            if (due == null || !quarter.contains(due)) {
                continue;
            }
            count(AuditCheck.ACTION_NOT_FOLLOWED);
            if (action.state() == ActionState.OPEN && !due.isAfter(asOf)) {
                fail(
                        AuditCheck.ACTION_NOT_FOLLOWED,
                        action.entry().entryId(),
                        action.entry().kind()
                                + " due "
                                + due
                                + ": neither DONE nor OVERDUE by "
                                + asOf);
            }
        }
    }

    /** Confirmed breaches per subject, from the events, against its point deductions in force. */
    private void countsAgree(SubjectType type, int pointsPerBreach) {
        if (pointsPerBreach == 0) {
            return;
        }
        Map<String, Integer> fromEvents = new TreeMap<>();
        for (BreachFact breach : breaches()) {
            if (facts.ledger.cases().get(breach.alert().alertId()) != CaseState.CONFIRMED) {
                continue;
            }
            String subject =
                    type == SubjectType.AGENT
                            ? breach.responsible()
                            : breach.alert().attributes() == null
                                    ? null
                                    : breach.alert().attributes().team();
            if (subject != null) {
                fromEvents.merge(subject, 1, Integer::sum);
            }
        }
        Map<String, Integer> fromLedger = new TreeMap<>();
        for (LedgerEntry entry : facts.entries) {
            if (entry.kind() == LedgerKind.POINTS
                    && entry.subjectType() == type
                    && inQuarter(entry.month())
                    && !reversed.contains(entry.entryId())) {
                fromLedger.merge(entry.subjectId(), 1, Integer::sum);
            }
        }
        Set<String> subjects = new TreeSet<>(fromEvents.keySet());
        subjects.addAll(fromLedger.keySet());
        for (String subject : subjects) {
            count(AuditCheck.COUNT_MISMATCH);
            int events = fromEvents.getOrDefault(subject, 0);
            int ledger = fromLedger.getOrDefault(subject, 0);
            if (events != ledger) {
                fail(
                        AuditCheck.COUNT_MISMATCH,
                        subject,
                        type.name().toLowerCase(java.util.Locale.ROOT)
                                + ": "
                                + events
                                + " confirmed breaches in the events, "
                                + ledger
                                + " point deductions in the ledger");
            }
        }
    }

    private List<BreachFact> breaches() {
        return facts.breaches.stream()
                .filter(b -> quarter.contains(b.alert().deadline()))
                .filter(facts::hasConsequences)
                .toList();
    }

    private boolean inQuarter(String month) {
        return month != null && quarter.contains(YearMonth.parse(month));
    }

    private void count(AuditCheck check) {
        checked.merge(check, 1, Integer::sum);
    }

    private void fail(AuditCheck check, String id, String detail) {
        exceptions.add(new AuditException(check, id, detail));
    }

    private static String key(String alertId, LedgerKind kind, SubjectType type) {
        return alertId + "|" + kind + "|" + type;
    }
}

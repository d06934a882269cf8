package io.slawatch.consequence;

import static io.slawatch.consequence.Breaches.FRIDAY_1800;
import static io.slawatch.consequence.Breaches.MONDAY_1800;
import static io.slawatch.consequence.Breaches.WEDNESDAY_1005;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.consequence.LedgerBalances.ActionState;
import io.slawatch.consequence.LedgerBalances.Balance;
import io.slawatch.consequence.LedgerBalances.CaseState;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.SubjectType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a ledger adds up to, reversals and follow-ups included. */
class LedgerBalancesTest {

    static final long WEDNESDAY = WEDNESDAY_1005.toEpochMilli();

    static LedgerEntry entry(String id, LedgerKind kind, SubjectType type, String subject) {
        return Entries.entry(id, kind, type, subject).month("2026-11").at(WEDNESDAY).build();
    }

    static final LedgerEntry POINTS_1 =
            Entries.entry("A1:AGENT:POINTS", LedgerKind.POINTS, SubjectType.AGENT, "a-1")
                    .points(-2)
                    .at(WEDNESDAY)
                    .build();
    static final LedgerEntry POINTS_2 =
            Entries.entry("A2:AGENT:POINTS", LedgerKind.POINTS, SubjectType.AGENT, "a-1")
                    .points(-2)
                    .at(WEDNESDAY)
                    .build();
    static final LedgerEntry WARNING =
            Entries.entry("W1", LedgerKind.WARNING, SubjectType.AGENT, "a-1")
                    .at(WEDNESDAY)
                    .dueBy(MONDAY_1800)
                    .build();
    static final LedgerEntry TRAINING =
            Entries.entry("T1", LedgerKind.TRAINING, SubjectType.AGENT, "a-1")
                    .at(WEDNESDAY)
                    .dueBy(FRIDAY_1800)
                    .build();
    static final LedgerEntry NOTICE =
            Entries.entry("N1", LedgerKind.NOTICE, SubjectType.TEAM, "north")
                    .at(WEDNESDAY)
                    .dueBy(MONDAY_1800)
                    .build();

    @Test
    void shouldNetOutReversedPointsAndLeaveReversedActionsOut() {
        LedgerBalances ledger =
                LedgerBalances.of(
                        List.of(
                                POINTS_1,
                                POINTS_2,
                                WARNING,
                                TRAINING,
                                NOTICE,
                                Entries.reversal(POINTS_2, WEDNESDAY, "retracted"),
                                Entries.reversal(NOTICE, WEDNESDAY, "retracted"),
                                Entries.followUp(
                                        TRAINING, LedgerKind.OVERDUE, WEDNESDAY, "policy", "late"),
                                Entries.followUp(
                                        WARNING, LedgerKind.DONE, WEDNESDAY, "ops-1", null)));

        assertThat(ledger.balances())
                .filteredOn(b -> b.type() != SubjectType.CASE)
                .extracting(Balance::type, Balance::id, Balance::points)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SubjectType.AGENT, "a-1", -2),
                        org.assertj.core.groups.Tuple.tuple(SubjectType.TEAM, "north", 0));
        assertThat(ledger.actions())
                .extracting(a -> a.entry().entryId(), LedgerBalances.Action::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("W1", ActionState.DONE),
                        org.assertj.core.groups.Tuple.tuple("T1", ActionState.OVERDUE));
    }

    @Test
    void shouldEndEachCaseWhereItsLastDecisionLeftIt() {
        LedgerBalances ledger =
                LedgerBalances.of(
                        List.of(
                                caseEntry("C1", LedgerKind.VERIFICATION_REQUESTED),
                                caseEntry("C2", LedgerKind.VERIFICATION_REQUESTED),
                                caseEntry("C3", LedgerKind.VERIFICATION_REQUESTED),
                                caseEntry("C4", LedgerKind.VERIFICATION_REQUESTED),
                                caseEntry("C1", LedgerKind.CONFIRMED),
                                caseEntry("C2", LedgerKind.WAIVED),
                                caseEntry("C3", LedgerKind.CONFIRMED),
                                caseEntry("C3", LedgerKind.RETRACTED),
                                Entries.reversal(
                                        caseEntry("C3", LedgerKind.CONFIRMED),
                                        WEDNESDAY,
                                        "retracted")));

        assertThat(ledger.cases())
                .isEqualTo(
                        Map.of(
                                "C1", CaseState.CONFIRMED,
                                "C2", CaseState.WAIVED,
                                "C3", CaseState.RETRACTED,
                                "C4", CaseState.OPEN));
        assertThat(ledger.casesConfirmedByPolicy()).isEqualTo(1);
    }

    private static LedgerEntry caseEntry(String alertId, LedgerKind kind) {
        BreachCase breach = new BreachCase();
        breach.alertId = alertId;
        breach.month = "2026-11";
        return Entries.about(breach, "T-1", alertId + ":" + kind, kind, SubjectType.CASE, alertId)
                .at(WEDNESDAY)
                .build();
    }
}

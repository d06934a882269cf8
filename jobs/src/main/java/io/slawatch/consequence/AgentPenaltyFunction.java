package io.slawatch.consequence;

import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.SubjectType;
import io.slawatch.policy.ConsequencePolicy;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.SlaPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.util.Collector;

/**
 * An agent's penalties (keyed by agentId or techId): points per confirmed breach; the month's first
 * brings a WARNING and a TRAINING; the one that makes the policy's count a SUSPENSION from the next
 * working day. A retraction gives the points back and reverses what the month no longer reaches.
 */
public final class AgentPenaltyFunction extends MonthlyPenaltyFunction {

    private static final long serialVersionUID = 1L;

    /** See {@link VersionedLedgerFunction#VersionedLedgerFunction}. */
    public AgentPenaltyFunction(SlaPolicy policy, List<PolicyVersion> versions) {
        super(policy, versions);
    }

    @Override
    void confirmed(MonthTally tally, Verdict verdict, long at, Collector<LedgerEntry> out)
            throws Exception {
        ConsequencePolicy rules = rules(verdict);
        deduct(
                verdict,
                SubjectType.AGENT,
                verdict.agentId(),
                rules.agentPointsPerBreach(),
                at,
                out);
        if (tally.warningId == null) {
            int n = ++tally.issued;
            String why = "first confirmed breach of " + verdict.month();
            tally.warningId =
                    issue(
                            threshold(LedgerKind.WARNING, verdict, n, at, rules.actionsDueWithin())
                                    .reason(why),
                            out);
            tally.trainingId =
                    issue(
                            threshold(
                                            LedgerKind.TRAINING,
                                            verdict,
                                            n,
                                            at,
                                            rules.trainingDueWithin())
                                    .reason(why),
                            out);
        }
        if (tally.count() >= rules.suspensionAt() && tally.suspensionId == null) {
            int n = ++tally.issued;
            LocalDate confirmedOn = rules.workingDays().date(Instant.ofEpochMilli(at));
            tally.suspensionId =
                    issue(
                            threshold(
                                            LedgerKind.SUSPENSION,
                                            verdict,
                                            n,
                                            at,
                                            rules.actionsDueWithin())
                                    .days(
                                            rules.workingDays().nth(confirmedOn, 1),
                                            rules.workingDays()
                                                    .nth(confirmedOn, rules.suspensionDays()))
                                    .reason(reached(tally, verdict)),
                            out);
        }
    }

    @Override
    void retracted(MonthTally tally, Verdict verdict, long at, Collector<LedgerEntry> out)
            throws Exception {
        ConsequencePolicy rules = rules(verdict);
        String why = giveBack(verdict, SubjectType.AGENT, at, out);
        if (tally.count() < 1) {
            String gone = why + ": no confirmed breach left in " + verdict.month();
            tally.warningId = reverse(tally.warningId, at, gone, out);
            tally.trainingId = reverse(tally.trainingId, at, gone, out);
        }
        if (tally.count() < rules.suspensionAt()) {
            tally.suspensionId =
                    reverse(
                            tally.suspensionId,
                            at,
                            below(why, tally, verdict, rules.suspensionAt()),
                            out);
        }
    }

    private Entries threshold(LedgerKind kind, Verdict verdict, int n, long at, int dueWithin) {
        return threshold(verdict, SubjectType.AGENT, verdict.agentId(), kind, n, at, dueWithin);
    }
}

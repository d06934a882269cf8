package io.slawatch.consequence;

import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.SubjectType;
import io.slawatch.policy.ConsequencePolicy;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.SlaPolicy;
import java.util.List;
import java.util.TreeSet;
import org.apache.flink.util.Collector;

/**
 * A department's penalties (keyed by team): points per confirmed breach; the one that makes the
 * policy's count in a month brings a NOTICE naming the month's breaches and their agents. A
 * retraction gives the points back and reverses a NOTICE the month no longer reaches.
 */
public final class TeamPenaltyFunction extends MonthlyPenaltyFunction {

    private static final long serialVersionUID = 1L;

    /** See {@link VersionedLedgerFunction#VersionedLedgerFunction}. */
    public TeamPenaltyFunction(SlaPolicy policy, List<PolicyVersion> versions) {
        super(policy, versions);
    }

    @Override
    void confirmed(MonthTally tally, Verdict verdict, long at, Collector<LedgerEntry> out)
            throws Exception {
        ConsequencePolicy rules = rules(verdict);
        deduct(verdict, SubjectType.TEAM, verdict.team(), rules.teamPointsPerBreach(), at, out);
        if (tally.count() >= rules.noticeAt() && tally.noticeId == null) {
            int n = ++tally.issued;
            TreeSet<String> agents = new TreeSet<>(tally.agentIds);
            agents.remove("");
            tally.noticeId =
                    issue(
                            threshold(
                                            verdict,
                                            SubjectType.TEAM,
                                            verdict.team(),
                                            LedgerKind.NOTICE,
                                            n,
                                            at,
                                            rules.actionsDueWithin())
                                    .related(
                                            List.copyOf(new TreeSet<>(tally.alertIds)),
                                            List.copyOf(agents))
                                    .reason(reached(tally, verdict)),
                            out);
        }
    }

    @Override
    void retracted(MonthTally tally, Verdict verdict, long at, Collector<LedgerEntry> out)
            throws Exception {
        ConsequencePolicy rules = rules(verdict);
        String why = giveBack(verdict, SubjectType.TEAM, at, out);
        if (tally.count() < rules.noticeAt()) {
            tally.noticeId =
                    reverse(tally.noticeId, at, below(why, tally, verdict, rules.noticeAt()), out);
        }
    }
}

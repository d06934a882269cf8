package io.slawatch.consequence;

import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.SubjectType;
import io.slawatch.policy.ConsequencePolicy;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.time.Inbox;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * Penalties of one subject (an agent or a team) by month, from {@link Verdict}s in event-time order
 * (an {@link Inbox}): "the breach that makes N in a month" must not depend on which ticket's
 * subtask was faster. Subclasses say what a confirmation and a retraction issue and reverse, by the
 * rules of the version the verdict's ticket ran on: points and the action a count brings are those
 * of the breach that makes the count.
 *
 * <p>State: a {@link MonthTally} per month, its breaches also as keys (so that a verdict finds its
 * breach without scanning the month's list: a busy team confirms hundreds a month), and the entries
 * that may still be reversed, all dropped by one timer per month at the month's end plus the
 * policy's safety horizon, after which no breach of that month can still be retracted. Without it
 * every month would stay forever.
 */
abstract class MonthlyPenaltyFunction extends VersionedLedgerFunction<Verdict> {

    private static final long serialVersionUID = 1L;

    /** Confirmations before retractions within one instant, then by alert id. */
    static final Comparator<Verdict> ORDER =
            Comparator.comparing(Verdict::retracted).thenComparing(Verdict::alertId);

    private transient Inbox<Verdict> inbox;
    private transient MapState<String, MonthTally> months;

    /** The keys {@link #counted} of the months' confirmed breaches. */
    private transient MapState<String, Boolean> countedBreaches;

    /** Entries that a retraction may reverse. */
    private transient IssuedEntries issued;

    MonthlyPenaltyFunction(SlaPolicy policy, List<PolicyVersion> versions) {
        super(policy, versions);
    }

    @Override
    public void open(OpenContext openContext) {
        inbox = new Inbox<>(getRuntimeContext(), "inbox", TypeInformation.of(Verdict.class));
        months =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "months",
                                        Types.STRING,
                                        TypeInformation.of(MonthTally.class)));
        countedBreaches =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "counted-breaches", Types.STRING, Types.BOOLEAN));
        issued = new IssuedEntries(getRuntimeContext());
    }

    /** A confirmation just added to {@code tally}. */
    abstract void confirmed(MonthTally tally, Verdict verdict, long at, Collector<LedgerEntry> out)
            throws Exception;

    /** A retraction just removed from {@code tally}. */
    abstract void retracted(MonthTally tally, Verdict verdict, long at, Collector<LedgerEntry> out)
            throws Exception;

    @Override
    public void processElement(Verdict verdict, ReadOnlyContext ctx, Collector<LedgerEntry> out)
            throws Exception {
        if (!inbox.offer(verdict, verdict.at(), ctx.timerService())) {
            apply(verdict, verdict.at(), ctx, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LedgerEntry> out)
            throws Exception {
        List<Verdict> due = new ArrayList<>(inbox.take(timestamp));
        due.sort(ORDER);
        for (Verdict verdict : due) {
            apply(verdict, timestamp, ctx, out);
        }
        List<String> ended = new ArrayList<>();
        for (Map.Entry<String, MonthTally> month : months.entries()) {
            if (month.getValue().clearAt <= timestamp) {
                ended.add(month.getKey());
                for (String alertId : month.getValue().alertIds) {
                    countedBreaches.remove(counted(month.getKey(), alertId));
                }
            }
        }
        if (!ended.isEmpty()) {
            issued.forgetMonths(ended);
            for (String month : ended) {
                months.remove(month);
            }
        }
    }

    /** The key of {@code alertId}'s breach counted in {@code month}. */
    private static String counted(String month, String alertId) {
        return month + '/' + alertId;
    }

    private void apply(Verdict verdict, long at, ReadOnlyContext ctx, Collector<LedgerEntry> out)
            throws Exception {
        MonthTally tally = months.get(verdict.month());
        if (tally == null) {
            if (verdict.retracted()) {
                return;
            }
            tally = new MonthTally();
            tally.clearAt =
                    YearMonth.parse(verdict.month())
                            .plusMonths(1)
                            .atDay(1)
                            .atStartOfDay(rules(verdict).monthZone())
                            .toInstant()
                            .plus(policy(verdict.policyVersion()).safetyHorizon())
                            .toEpochMilli();
            ctx.timerService().registerEventTimeTimer(tally.clearAt);
            tally.breachesKeyed = true;
        } else if (!tally.breachesKeyed) {
            for (String alertId : tally.alertIds) {
                countedBreaches.put(counted(verdict.month(), alertId), true);
            }
            tally.breachesKeyed = true;
            months.put(verdict.month(), tally);
        }
        String key = counted(verdict.month(), verdict.alertId());
        boolean counted = countedBreaches.contains(key);
        if (verdict.retracted()) {
            if (!counted) {
                return;
            }
            // Retractions are rare: the list is scanned only for them.
            int index = tally.alertIds.indexOf(verdict.alertId());
            tally.alertIds.remove(index);
            tally.agentIds.remove(index);
            countedBreaches.remove(key);
            retracted(tally, verdict, at, out);
        } else {
            if (counted) {
                return;
            }
            tally.alertIds.add(verdict.alertId());
            tally.agentIds.add(verdict.agentId() == null ? "" : verdict.agentId());
            countedBreaches.put(key, true);
            confirmed(tally, verdict, at, out);
        }
        months.put(verdict.month(), tally);
    }

    /** Emits {@code entry} and keeps it for a reversal; returns its id. */
    String issue(Entries entry, Collector<LedgerEntry> out) throws Exception {
        return issued.issue(entry, out);
    }

    /** Reverses {@code entryId} when it is held; returns null, for the held id to clear. */
    String reverse(String entryId, long at, String reason, Collector<LedgerEntry> out)
            throws Exception {
        return issued.reverse(entryId, at, reason, out);
    }

    /** The points {@code verdict}'s breach costs {@code subject}, kept for a reversal. */
    void deduct(
            Verdict verdict,
            SubjectType type,
            String subject,
            int points,
            long at,
            Collector<LedgerEntry> out)
            throws Exception {
        issue(
                Entries.about(verdict, pointsId(verdict, type), LedgerKind.POINTS, type, subject)
                        .points(-points)
                        .at(at)
                        .reason("confirmed " + verdict.clock() + " breach"),
                out);
    }

    /** Gives back what {@link #deduct} took; returns why, for the reversals that follow. */
    String giveBack(Verdict verdict, SubjectType type, long at, Collector<LedgerEntry> out)
            throws Exception {
        String why = "breach " + verdict.alertId() + " retracted after its confirmation";
        reverse(pointsId(verdict, type), at, why, out);
        return why;
    }

    /**
     * The {@code n}th threshold action of {@code verdict}'s month for {@code subject}, naming the
     * breach whose confirmation reached it, decided at {@code at} and due {@code dueWithin} working
     * days later.
     */
    Entries threshold(
            Verdict verdict,
            SubjectType type,
            String subject,
            LedgerKind kind,
            int n,
            long at,
            int dueWithin) {
        return Entries.about(
                        verdict,
                        type + ":" + subject + ":" + verdict.month() + ":" + kind + ":" + n,
                        kind,
                        type,
                        subject)
                .at(at)
                .dueBy(rules(verdict).workingDays().within(Instant.ofEpochMilli(at), dueWithin));
    }

    /** Why a count threshold's action is issued: the breach that makes the month's count. */
    static String reached(MonthTally tally, Verdict verdict) {
        return ordinal(tally.count()) + " confirmed breach of " + verdict.month();
    }

    /** Why a threshold's action is reversed: the month's count fell below it. */
    static String below(String why, MonthTally tally, Verdict verdict, int threshold) {
        return why
                + ": "
                + tally.count()
                + " confirmed in "
                + verdict.month()
                + ", below "
                + threshold;
    }

    private static String pointsId(Verdict verdict, SubjectType type) {
        return verdict.caseId() + ":" + type + ":" + LedgerKind.POINTS;
    }

    /** The consequences of the version {@code verdict}'s ticket ran on. */
    final ConsequencePolicy rules(Verdict verdict) {
        return rules(verdict.policyVersion());
    }

    static String ordinal(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return n + "th";
        }
        return n
                + switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
    }
}

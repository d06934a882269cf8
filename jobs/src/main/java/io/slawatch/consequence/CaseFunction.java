package io.slawatch.consequence;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.Review;
import io.slawatch.model.ReviewDecision;
import io.slawatch.model.SubjectType;
import io.slawatch.policy.ConsequencePolicy;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.policy.UndecidedCase;
import io.slawatch.serde.ImmutableTypeInfo;
import io.slawatch.serde.Json;
import io.slawatch.time.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Runs the cases of one ticket (keyed by ticketId): a case opens for each level-1 BREACHED alert of
 * a clock with consequences, is confirmed or waived by a review or by the policy at its
 * verification deadline (all by the rules of the version the ticket ran on), and closes as
 * RETRACTED when its alert is. A confirmation brings the customer's APOLOGY and, once the lateness
 * is known, the ticket's one compensation (its highest tier); it goes to the agent's and the team's
 * penalties as a {@link Verdict}.
 *
 * <p>Inputs wait in an {@link Inbox} for the watermark, so they apply in event-time order: a review
 * decided before a retraction is applied before it, at any parallelism. At the end of a bounded
 * input (replay) inputs still apply, but no verification deadline beyond the last event passes.
 *
 * <p>State: the cases, the entries that may still be reversed and the compensation, all cleared by
 * one timer at the first breach plus the policy's safety horizon, by which the detection job has
 * cleared the ticket, so no alert can come for it any more. Without it a ticket's cases would stay
 * forever. Each verification deadline has a timer too, which fires once.
 */
public final class CaseFunction extends VersionedLedgerFunction<CaseInput> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<Verdict> VERDICTS =
            new OutputTag<>("verdicts", ImmutableTypeInfo.of(Verdict.class));
    public static final OutputTag<QuarantineRecord> QUARANTINE =
            new OutputTag<>("review-quarantine", TypeInformation.of(QuarantineRecord.class));

    private final Clock wallClock;

    private transient Inbox<CaseInput> inbox;
    private transient MapState<String, BreachCase> cases;

    /** CONFIRMED, APOLOGY and compensation entries, for their reversal. */
    private transient IssuedEntries issued;

    private transient TicketCompensation compensation;
    private transient ValueState<Long> clearAt;
    private transient Counter opened;
    private transient Counter decidedByPolicy;

    /** See {@link VersionedLedgerFunction#VersionedLedgerFunction}. */
    public CaseFunction(SlaPolicy policy, List<PolicyVersion> versions) {
        this(policy, versions, Clock.systemUTC());
    }

    /** With the clock that stamps quarantine records, for tests. */
    public CaseFunction(SlaPolicy policy, List<PolicyVersion> versions, Clock wallClock) {
        super(policy, versions);
        this.wallClock = wallClock;
    }

    @Override
    public void open(OpenContext openContext) {
        inbox = new Inbox<>(getRuntimeContext(), "inbox", TypeInformation.of(CaseInput.class));
        cases =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "cases",
                                        Types.STRING,
                                        TypeInformation.of(BreachCase.class)));
        issued = new IssuedEntries(getRuntimeContext());
        compensation = new TicketCompensation(getRuntimeContext(), issued, this::rules);
        clearAt = getRuntimeContext().getState(new ValueStateDescriptor<>("clear-at", Types.LONG));
        opened = getRuntimeContext().getMetricGroup().counter("casesOpened");
        decidedByPolicy = getRuntimeContext().getMetricGroup().counter("casesDecidedByPolicy");
    }

    @Override
    public void processElement(CaseInput input, ReadOnlyContext ctx, Collector<LedgerEntry> out)
            throws Exception {
        if (!inbox.offer(input, input.at(), ctx.timerService())) {
            // Late (only when live): applied now, at its own time.
            apply(input, input.at(), ctx, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LedgerEntry> out)
            throws Exception {
        List<CaseInput> due = new ArrayList<>(inbox.take(timestamp));
        due.sort(CaseInput.ORDER);
        for (CaseInput input : due) {
            apply(input, timestamp, ctx, out);
        }
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            // The end of a bounded input is not the end of time: undecided cases stay open.
            return;
        }
        List<BreachCase> undecided = new ArrayList<>();
        for (BreachCase breach : cases.values()) {
            if (breach.status == CaseStatus.OPEN && breach.verifyBy <= timestamp) {
                undecided.add(breach);
            }
        }
        undecided.sort((a, b) -> a.alertId.compareTo(b.alertId));
        for (BreachCase breach : undecided) {
            decidedByPolicy.inc();
            ConsequencePolicy rules = rules(breach);
            decide(
                    breach,
                    rules.whenUndecided() == UndecidedCase.CONFIRM
                            ? ReviewDecision.CONFIRM
                            : ReviewDecision.WAIVE,
                    LedgerEntry.POLICY,
                    "not verified within "
                            + rules.verifyWithin()
                            + " working days: the policy decides "
                            + rules.whenUndecided(),
                    timestamp,
                    ctx,
                    out);
        }
        Long clear = clearAt.value();
        if (clear != null && clear <= timestamp) {
            cases.clear();
            issued.clear();
            compensation.clear();
            clearAt.clear();
        }
    }

    private void apply(CaseInput input, long at, ReadOnlyContext ctx, Collector<LedgerEntry> out)
            throws Exception {
        if (input.review() != null) {
            review(input.review(), at, ctx, out);
        } else if (input.outcome() != null) {
            late(input.outcome(), at, ctx, out);
        } else if (input.alert().kind() == AlertKind.BREACHED) {
            open(input.alert(), at, ctx, out);
        } else {
            retract(input.alert(), at, ctx, out);
        }
    }

    private void open(Alert alert, long at, ReadOnlyContext ctx, Collector<LedgerEntry> out)
            throws Exception {
        String version = alert.attributes().policyVersion();
        ConsequencePolicy rules = rules(version);
        if (rules == null || !rules.applies(alert.clock())) {
            return;
        }
        BreachCase before = cases.get(alert.alertId());
        if (before != null && before.status != CaseStatus.RETRACTED) {
            return;
        }
        BreachCase breach = new BreachCase();
        if (before != null) {
            breach.opening = before.opening + 1;
        }
        breach.alertId = alert.alertId();
        // Clocks, months, teams and policy versions repeat across every case a subtask holds, and
        // an alert read off the network has copies of its own: keep one of each.
        breach.clock = ClockType.of(alert.clock().name());
        breach.cycle = alert.cycle();
        breach.deadline = alert.deadline().toEpochMilli();
        breach.month = rules.month(alert.deadline()).toString().intern();
        var attributes = alert.attributes();
        breach.agentId = attributes.responsibleFor(alert.clock());
        breach.team = attributes.team() == null ? null : attributes.team().intern();
        breach.customerId =
                attributes.customerId() != null ? attributes.customerId() : alert.ticketId();
        breach.policyVersion =
                attributes.policyVersion() == null ? null : attributes.policyVersion().intern();
        breach.status = CaseStatus.OPEN;
        breach.changedAt = at;
        breach.verifyBy =
                rules.workingDays()
                        .within(Instant.ofEpochMilli(at), rules.verifyWithin())
                        .toEpochMilli();
        cases.put(breach.alertId, breach);
        ctx.timerService().registerEventTimeTimer(breach.verifyBy);
        if (clearAt.value() == null) {
            long clear = at + policy(version).safetyHorizon().toMillis();
            clearAt.update(clear);
            ctx.timerService().registerEventTimeTimer(clear);
        }
        opened.inc();
        out.collect(
                caseEntry(breach, LedgerKind.VERIFICATION_REQUESTED, at)
                        .dueBy(Instant.ofEpochMilli(breach.verifyBy))
                        .reason(alert.clock() + " deadline " + alert.deadline() + " passed")
                        .build());
    }

    private void retract(
            Alert retraction, long stoppedAt, ReadOnlyContext ctx, Collector<LedgerEntry> out)
            throws Exception {
        BreachCase breach = cases.get(retraction.retractsAlertId());
        if (breach == null || breach.status == CaseStatus.RETRACTED) {
            return;
        }
        // The stop that retracts a breach happened before its deadline, but is known only now:
        // its entries come no earlier than what they correct.
        long at = Math.max(stoppedAt, breach.changedAt);
        CaseStatus before = breach.status;
        breach.status = CaseStatus.RETRACTED;
        cases.put(breach.alertId, breach);
        out.collect(
                caseEntry(breach, LedgerKind.RETRACTED, at)
                        .reason("the clock stopped in time; the breach alert was retracted")
                        .build());
        if (before != CaseStatus.CONFIRMED) {
            return;
        }
        String why = "breach " + breach.alertId + " retracted after its confirmation";
        reverse(id(breach, LedgerKind.CONFIRMED), at, why, out);
        reverse(id(breach, LedgerKind.APOLOGY), at, why, out);
        ctx.output(VERDICTS, verdict(breach, ctx.getCurrentKey(), at, true));
        compensation.update(ctx.getCurrentKey(), cases.values(), at, out);
    }

    private void late(
            ClockOutcome outcome, long at, ReadOnlyContext ctx, Collector<LedgerEntry> out)
            throws Exception {
        String alertId =
                Alert.alertId(
                        outcome.ticketId(),
                        outcome.clock(),
                        outcome.cycle(),
                        AlertKind.BREACHED,
                        1);
        BreachCase breach = cases.get(alertId);
        if (breach == null || breach.status == CaseStatus.RETRACTED || breach.lateKnown()) {
            return;
        }
        breach.lateSeconds =
                outcome.status() == OutcomeStatus.MET_LATE
                        ? outcome.lateSeconds()
                        : ceilSeconds(
                                outcome.endedAt().toEpochMilli()
                                        - outcome.deadline().toEpochMilli());
        cases.put(alertId, breach);
        if (breach.status == CaseStatus.CONFIRMED) {
            compensation.update(ctx.getCurrentKey(), cases.values(), at, out);
        }
    }

    private void review(Review review, long at, ReadOnlyContext ctx, Collector<LedgerEntry> out)
            throws Exception {
        BreachCase breach = cases.get(review.alertId());
        if (breach == null) {
            quarantine(
                    review,
                    QuarantineReason.REVIEW_UNKNOWN_SUBJECT,
                    "no case for alert "
                            + review.alertId()
                            + " (not a BREACHED alert of a clock"
                            + " with consequences, not yet breached, or cleared)",
                    ctx);
        } else if (breach.status != CaseStatus.OPEN) {
            quarantine(
                    review,
                    QuarantineReason.REVIEW_ALREADY_DECIDED,
                    "the case of " + review.alertId() + " is already " + breach.status,
                    ctx);
        } else {
            decide(breach, review.decision(), review.reviewer(), review.reason(), at, ctx, out);
        }
    }

    private void decide(
            BreachCase breach,
            ReviewDecision decision,
            String decidedBy,
            String reason,
            long at,
            ReadOnlyContext ctx,
            Collector<LedgerEntry> out)
            throws Exception {
        breach.changedAt = at;
        if (decision == ReviewDecision.WAIVE) {
            breach.status = CaseStatus.WAIVED;
            cases.put(breach.alertId, breach);
            out.collect(
                    caseEntry(breach, LedgerKind.WAIVED, at)
                            .decidedBy(decidedBy)
                            .reason(reason)
                            .build());
            return;
        }
        breach.status = CaseStatus.CONFIRMED;
        cases.put(breach.alertId, breach);
        issue(caseEntry(breach, LedgerKind.CONFIRMED, at).decidedBy(decidedBy).reason(reason), out);
        issue(
                Entries.about(
                                breach,
                                ctx.getCurrentKey(),
                                id(breach, LedgerKind.APOLOGY),
                                LedgerKind.APOLOGY,
                                SubjectType.CUSTOMER,
                                breach.customerId)
                        .at(at)
                        .dueBy(due(breach, at, rules(breach).actionsDueWithin()))
                        .reason("confirmed " + breach.clock + " breach"),
                out);
        ctx.output(VERDICTS, verdict(breach, ctx.getCurrentKey(), at, false));
        compensation.update(ctx.getCurrentKey(), cases.values(), at, out);
    }

    private Entries caseEntry(BreachCase breach, LedgerKind kind, long at) throws Exception {
        return Entries.about(
                        breach,
                        Alert.ticketIdOf(breach.alertId),
                        id(breach, kind),
                        kind,
                        SubjectType.CASE,
                        breach.alertId)
                .at(at);
    }

    private String issue(Entries entry, Collector<LedgerEntry> out) throws Exception {
        return issued.issue(entry, out);
    }

    private void reverse(String entryId, long at, String reason, Collector<LedgerEntry> out)
            throws Exception {
        issued.reverse(entryId, at, reason, out);
    }

    private Instant due(BreachCase breach, long at, int workingDays) {
        return rules(breach).workingDays().within(Instant.ofEpochMilli(at), workingDays);
    }

    /** The consequences of the version {@code breach}'s ticket ran on. */
    private ConsequencePolicy rules(BreachCase breach) {
        return rules(breach.policyVersion);
    }

    private Verdict verdict(BreachCase breach, String ticketId, long at, boolean retracted) {
        return new Verdict(
                breach.alertId,
                ticketId,
                breach.clock,
                breach.agentId,
                breach.team,
                breach.month,
                at,
                retracted,
                breach.policyVersion,
                breach.opening);
    }

    private void quarantine(
            Review review, QuarantineReason reason, String detail, ReadOnlyContext ctx) {
        ctx.output(
                QUARANTINE,
                QuarantineRecord.ofJson(
                        Json.write(review),
                        reason,
                        detail,
                        wallClock.instant(),
                        review.ticketId(),
                        review.reviewId()));
    }

    static String id(BreachCase breach, LedgerKind kind) {
        return breach.caseId() + ":" + kind;
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}

package io.slawatch.consequence;

import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.Review;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.serde.Json;
import io.slawatch.time.Inbox;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Tracks one action people carry out (keyed by its entryId): a DONE review by its {@code dueBy}
 * writes DONE; none by then writes OVERDUE, and a DONE after that is still recorded. A REVERSAL
 * ends the action: nothing is owed any more. DONE reviews wait in an {@link Inbox} for the
 * watermark, so they meet the action entry they name whatever order the two came in.
 *
 * <p>State: the action and whether it went OVERDUE. DONE or a REVERSAL clears it; otherwise a timer
 * at {@code dueBy} plus the policy's safety horizon does, after which a DONE is quarantined as
 * unknown. Without that timer an action nobody carried out would stay forever.
 */
public final class ActionDueFunction
        extends KeyedProcessFunction<String, ActionInput, LedgerEntry> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<QuarantineRecord> QUARANTINE =
            new OutputTag<>("done-quarantine", TypeInformation.of(QuarantineRecord.class));

    private final Duration horizon;
    private final Clock wallClock;

    private transient Inbox<Review> inbox;
    private transient ValueState<LedgerEntry> action;
    private transient ValueState<Boolean> overdue;
    private transient Counter overdueActions;

    public ActionDueFunction(SlaPolicy policy) {
        this(policy, Clock.systemUTC());
    }

    /** With the clock that stamps quarantine records, for tests. */
    public ActionDueFunction(SlaPolicy policy, Clock wallClock) {
        this.horizon = policy.safetyHorizon();
        this.wallClock = wallClock;
    }

    @Override
    public void open(OpenContext openContext) {
        inbox = new Inbox<>(getRuntimeContext(), "inbox", TypeInformation.of(Review.class));
        action =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "action", TypeInformation.of(LedgerEntry.class)));
        overdue =
                getRuntimeContext().getState(new ValueStateDescriptor<>("overdue", Types.BOOLEAN));
        overdueActions = getRuntimeContext().getMetricGroup().counter("actionsOverdue");
    }

    @Override
    public void processElement(ActionInput input, Context ctx, Collector<LedgerEntry> out)
            throws Exception {
        if (input.done() != null) {
            long at = input.done().decidedAt().toEpochMilli();
            if (!inbox.offer(input.done(), at, ctx.timerService())) {
                done(input.done(), at, ctx, out);
            }
            return;
        }
        LedgerEntry entry = input.entry();
        LedgerEntry held = action.value();
        if (entry.kind() == LedgerKind.REVERSAL) {
            if (held != null) {
                clear(held, ctx);
            }
        } else if (held == null) {
            action.update(Entries.keptForFollowUp(entry));
            ctx.timerService().registerEventTimeTimer(entry.dueBy().toEpochMilli());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LedgerEntry> out)
            throws Exception {
        List<Review> due = new ArrayList<>(inbox.take(timestamp));
        due.sort(Comparator.comparing(Review::reviewId));
        for (Review review : due) {
            done(review, timestamp, ctx, out);
        }
        LedgerEntry held = action.value();
        if (held == null || ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            // Nothing owed, or the end of a bounded input: not the end of time.
            return;
        }
        long dueBy = held.dueBy().toEpochMilli();
        if (overdue.value() == null && dueBy <= timestamp) {
            overdue.update(true);
            overdueActions.inc();
            out.collect(
                    Entries.followUp(
                            held,
                            LedgerKind.OVERDUE,
                            timestamp,
                            LedgerEntry.POLICY,
                            "not DONE by " + held.dueBy()));
            ctx.timerService().registerEventTimeTimer(dueBy + horizon.toMillis());
        } else if (dueBy + horizon.toMillis() <= timestamp) {
            action.clear();
            overdue.clear();
        }
    }

    private void done(Review review, long at, Context ctx, Collector<LedgerEntry> out)
            throws Exception {
        LedgerEntry held = action.value();
        if (held == null) {
            ctx.output(
                    QUARANTINE,
                    QuarantineRecord.ofJson(
                            Json.write(review),
                            QuarantineReason.REVIEW_UNKNOWN_SUBJECT,
                            "no open action "
                                    + review.entryId()
                                    + " (unknown, already DONE, reversed, or cleared)",
                            wallClock.instant(),
                            null,
                            review.reviewId()));
            return;
        }
        out.collect(
                Entries.followUp(
                        held,
                        LedgerKind.DONE,
                        at,
                        review.reviewer(),
                        Boolean.TRUE.equals(overdue.value())
                                ? "done after its due date " + held.dueBy()
                                : review.reason()));
        clear(held, ctx);
    }

    private void clear(LedgerEntry held, Context ctx) throws Exception {
        long dueBy = held.dueBy().toEpochMilli();
        if (overdue.value() == null) {
            ctx.timerService().deleteEventTimeTimer(dueBy);
        } else {
            ctx.timerService().deleteEventTimeTimer(dueBy + horizon.toMillis());
        }
        action.clear();
        overdue.clear();
    }
}

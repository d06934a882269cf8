package io.slawatch.detect;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockView;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.StatsSample;
import io.slawatch.model.TicketEvent;
import io.slawatch.policy.PolicyException;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.predict.EtaSignal;
import io.slawatch.serde.ImmutableTypeInfo;
import io.slawatch.serde.Json;
import io.slawatch.state.ClockState;
import io.slawatch.state.TicketState;
import io.slawatch.state.TicketStateSerializer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every ticket's SLA clocks: keyed by ticketId, one {@link TicketState} per ticket, driven by
 * event time. Alerts are the main output; clock outcomes, clock views, statistics samples and
 * quarantined events leave through side outputs.
 *
 * <p>Policy versions arrive on the broadcast input ({@code slawatch.policies}) and are kept in
 * broadcast state, so savepoints carry them. A ticket runs on the whole version in force at its
 * CREATED ({@link TicketPolicies}) until it is cleared, or moves to a later version that applies to
 * open tickets ({@link VersionMove}); the policy the job was started with is in force until a
 * published version takes effect, and runs tickets whose version is not known (restored from a
 * savepoint taken before versions were kept).
 *
 * <p>Each ticket has at most one event-time timer, at the earliest instant it needs: its next
 * threshold, the end of its retention after CLOSED or CANCELLED, its safety horizon, or its
 * orphans' timeout. The timer is moved whenever that instant changes and deleted with the state;
 * without CLOSED a ticket would otherwise keep its timer and state until the safety horizon. A
 * version for open tickets that takes effect later adds one timer to each open ticket, at that
 * instant, to move it then; it fires once, even if the ticket was cleared before.
 */
public final class TicketSlaFunction
        extends KeyedBroadcastProcessFunction<String, TicketEvent, PolicyVersion, Alert>
        implements CheckpointedFunction {

    private static final Logger LOG = LoggerFactory.getLogger(TicketSlaFunction.class);

    /**
     * Every published version some ticket may still run on, by version. A version is dropped once
     * event time has passed its successor's start by the longest a ticket created under it can stay
     * (its safety horizon and retention); without versions published it holds none.
     */
    public static final MapStateDescriptor<String, PolicyVersion> POLICY_VERSIONS =
            new MapStateDescriptor<>(
                    "policy-versions", Types.STRING, TypeInformation.of(PolicyVersion.class));

    private static final long serialVersionUID = 1L;

    /** The alerts' type: handed on, never copied, to the operators chained to this one. */
    public static final TypeInformation<Alert> ALERT = ImmutableTypeInfo.of(Alert.class);

    public static final OutputTag<ClockOutcome> OUTCOMES =
            new OutputTag<>("outcomes", ImmutableTypeInfo.of(ClockOutcome.class));
    public static final OutputTag<ClockView> CLOCKS =
            new OutputTag<>("clocks", ImmutableTypeInfo.of(ClockView.class));
    public static final OutputTag<StatsSample> SAMPLES =
            new OutputTag<>("stats-samples", ImmutableTypeInfo.of(StatsSample.class));
    public static final OutputTag<EtaSignal> ETA_SIGNALS =
            new OutputTag<>("eta-signals", TypeInformation.of(EtaSignal.class));
    public static final OutputTag<QuarantineRecord> QUARANTINE =
            new OutputTag<>("ticket-quarantine", TypeInformation.of(QuarantineRecord.class));

    /** Accumulator names, read by replay for its summary and by the benchmarks. */
    public static final String DUPLICATES = "duplicates";

    public static final String EXPIRED_TICKETS = "expiredTickets";

    public static final String LATE_EVENTS = "lateEvents";

    private final SlaPolicy startPolicy;
    private final List<PolicyVersion> givenVersions;
    private final Clock wallClock;

    /** The versions tickets run on, as the broadcast state holds them; rebuilt on restore. */
    private transient TicketPolicies policies;

    /**
     * The operator's timer service, as the last element or timer handed it over. Applying a moved
     * version to every ticket ({@code applyToKeyedState}) sets each ticket as the current key, so
     * its timers can be moved through it; null until the first element after a (re)start, when
     * moved tickets keep their timers and move at their next event or wake-up.
     */
    private transient TimerService timers;

    private static final ValueStateDescriptor<TicketState> TICKET =
            new ValueStateDescriptor<>("ticket", TicketStateSerializer.INSTANCE);

    /** Cleared by {@link #clear}; see the class comment for what clears it. */
    private transient ValueState<TicketState> ticket;

    private transient TicketMetrics metrics;

    /**
     * This subtask's open tickets and running clocks, for the gauges. Checkpointed as union list
     * state: on restore subtask 0 takes the sum, so the total over subtasks stays right after a
     * rescale.
     */
    private transient long openTickets;

    private transient long runningClocks;
    private transient ListState<Long> gaugeTotals;

    /**
     * The calendars and clock types this subtask's open cycles run on, checkpointed as union list
     * state like the gauges, so that a restore under a policy lacking one of them is refused at
     * start (see {@link #initializeState}) instead of failing ticket by ticket.
     */
    private transient ClocksInUse inUse;

    private transient ListState<String> inUseTotals;
    private transient long lastWatermark = Long.MIN_VALUE;

    public TicketSlaFunction(SlaPolicy policy) {
        this(policy, List.of());
    }

    /**
     * Running tickets on {@code policy} until a version of {@code versions} (a bounded run's, in
     * the order they were published) or of the broadcast input takes effect.
     */
    public TicketSlaFunction(SlaPolicy policy, List<PolicyVersion> versions) {
        this(policy, versions, Clock.systemUTC());
    }

    /** With the clock that stamps quarantine records, for tests. */
    public TicketSlaFunction(SlaPolicy policy, List<PolicyVersion> versions, Clock wallClock) {
        this.startPolicy = policy;
        this.givenVersions = List.copyOf(versions);
        this.wallClock = wallClock;
    }

    @Override
    public void open(OpenContext openContext) {
        ticket = getRuntimeContext().getState(TICKET);
        metrics = new TicketMetrics(getRuntimeContext(), startPolicy.clocks().keySet());
        MetricGroup group = getRuntimeContext().getMetricGroup();
        group.gauge("openTickets", () -> openTickets);
        group.gauge("runningClocks", () -> runningClocks);
        group.gauge(
                "watermarkLagMillis",
                () ->
                        lastWatermark == Long.MIN_VALUE
                                ? 0L
                                : Math.max(0L, wallClock.millis() - lastWatermark));
    }

    private SlaEmitter emitter(SideOutput side, Collector<Alert> out) {
        return new SlaEmitter(side, out, metrics, wallClock);
    }

    @Override
    public void processBroadcastElement(PolicyVersion version, Context ctx, Collector<Alert> out)
            throws Exception {
        boolean added;
        try {
            added = policies.add(version);
        } catch (PolicyException e) {
            ctx.output(
                    QUARANTINE,
                    QuarantineRecord.ofJson(
                            Json.mapper().writeValueAsString(version),
                            QuarantineReason.BAD_VALUE,
                            e.getMessage(),
                            wallClock.instant(),
                            null,
                            null));
            return;
        }
        if (!added) {
            return;
        }
        ctx.getBroadcastState(POLICY_VERSIONS).put(version.version(), version);
        LOG.info(
                "policy version {} in force from {} for tickets created since",
                version.version(),
                version.effectiveFrom());
        if (policies.sla(version.version()).policy().appliesToOpen()) {
            moveOpenTickets(version, ctx, out);
        }
        for (String unused : policies.dropUnusedAt(Instant.ofEpochMilli(ctx.currentWatermark()))) {
            ctx.getBroadcastState(POLICY_VERSIONS).remove(unused);
            LOG.info("policy version {} dropped: no ticket can still run on it", unused);
        }
    }

    /**
     * A version that applies to open tickets: in effect already, every open ticket of an older
     * version moves to it now; taking effect later, each is woken then to move.
     */
    private void moveOpenTickets(PolicyVersion version, Context ctx, Collector<Alert> out)
            throws Exception {
        long watermark = ctx.currentWatermark();
        long effective = version.effectiveFrom().toEpochMilli();
        SlaEmitter emitter = emitter(SideOutput.of(ctx), out);
        ctx.applyToKeyedState(
                TICKET,
                (ticketId, state) -> {
                    TicketState ticketState = state.value();
                    if (ticketState == null
                            || !policies.movesTo(ticketState, version)
                            || running(ticketState) == 0) {
                        return;
                    }
                    if (effective > watermark) {
                        if (timers != null) {
                            timers.registerEventTimeTimer(effective);
                        }
                        return;
                    }
                    move(ticketState, ticketId, version, watermark, emitter);
                    if (timers != null) {
                        reschedule(ticketState, timers);
                    }
                    state.update(ticketState);
                });
    }

    /** Moves a ticket to {@code version} at event time {@code now} or the version's start. */
    private void move(
            TicketState state, String ticketId, PolicyVersion version, long now, SlaOutput out) {
        int runningBefore = running(state);
        inUse.count(state, -1);
        TicketSla current = policies.of(state, null);
        long at =
                Math.max(version.effectiveFrom().toEpochMilli(), Math.max(state.lastEventAt, now));
        policies.sla(version.version()).moveHere(state, ticketId, at, current, out);
        runningClocks += running(state) - runningBefore;
        inUse.count(state, +1);
    }

    /**
     * Moves the ticket to a version that applies to open tickets, if one took effect by {@code at}.
     */
    private void moveIfDue(TicketState state, String ticketId, long at, SlaOutput out) {
        PolicyVersion due = policies.moveDue(state, Instant.ofEpochMilli(at));
        if (due != null && running(state) > 0) {
            move(state, ticketId, due, Long.MIN_VALUE, out);
        }
    }

    @Override
    public void processElement(TicketEvent event, ReadOnlyContext ctx, Collector<Alert> out)
            throws Exception {
        TicketState state = ticket.value();
        if (state == null) {
            state = new TicketState();
            openTickets++;
        }
        lastWatermark = ctx.timerService().currentWatermark();
        if (event.occurredAt().toEpochMilli() <= lastWatermark) {
            metrics.lateEvent();
        }
        timers = ctx.timerService();
        SlaEmitter emitter = emitter(SideOutput.of(ctx), out);
        moveIfDue(state, event.ticketId(), event.occurredAt().toEpochMilli(), emitter);
        int runningBefore = running(state);
        inUse.count(state, -1);
        TicketSla sla = policies.of(state, event);
        sla.onEvent(state, event, emitter);
        runningClocks += running(state) - runningBefore;
        inUse.count(state, +1);
        schedule(sla, state, ctx);
        ticket.update(state);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        TicketState state = ticket.value();
        if (state == null) {
            return;
        }
        timers = ctx.timerService();
        if (state.wakeAt != timestamp) {
            // A timer set to move the ticket to a version taking effect now; its own stays.
            SlaEmitter emitter = emitter(SideOutput.of(ctx), out);
            moveIfDue(state, ctx.getCurrentKey(), timestamp, emitter);
            reschedule(state, ctx.timerService());
            ticket.update(state);
            return;
        }
        state.wakeAt = TicketState.NONE;
        lastWatermark = ctx.timerService().currentWatermark();
        SlaEmitter emitter = emitter(SideOutput.of(ctx), out);
        if (lastWatermark != Long.MAX_VALUE) {
            moveIfDue(state, ctx.getCurrentKey(), timestamp, emitter);
        }
        int runningBefore = running(state);
        inUse.count(state, -1);
        TicketSla sla = policies.of(state, null);
        if (lastWatermark == Long.MAX_VALUE) {
            sla.onEndOfInput(state, ctx.getCurrentKey(), emitter);
            clear(state, ctx, runningBefore);
            return;
        }
        if (sla.onTimer(state, ctx.getCurrentKey(), timestamp, emitter) == TicketSla.Next.CLEAR) {
            clear(state, ctx, runningBefore);
            return;
        }
        runningClocks += running(state) - runningBefore;
        inUse.count(state, +1);
        schedule(sla, state, ctx);
        ticket.update(state);
    }

    private void schedule(TicketSla sla, TicketState state, ReadOnlyContext ctx) {
        schedule(sla, state, ctx.timerService());
    }

    private void reschedule(TicketState state, TimerService timerService) {
        schedule(policies.of(state, null), state, timerService);
    }

    private static void schedule(TicketSla sla, TicketState state, TimerService timerService) {
        long next = sla.nextWakeUp(state);
        if (next == state.wakeAt) {
            return;
        }
        if (state.wakeAt != TicketState.NONE) {
            timerService.deleteEventTimeTimer(state.wakeAt);
        }
        if (next != TicketState.NONE) {
            timerService.registerEventTimeTimer(next);
        }
        state.wakeAt = next;
    }

    private void clear(TicketState state, ReadOnlyContext ctx, int runningBefore) {
        if (state.wakeAt != TicketState.NONE) {
            ctx.timerService().deleteEventTimeTimer(state.wakeAt);
        }
        ticket.clear();
        openTickets--;
        runningClocks -= runningBefore;
    }

    private static int running(TicketState state) {
        int running = 0;
        for (ClockState clock : state.clocks) {
            if (clock != null && clock.status.isOpen()) {
                running++;
            }
        }
        return running;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        gaugeTotals.update(List.of(openTickets, runningClocks));
        inUseTotals.update(inUse.entries());
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        gaugeTotals =
                context.getOperatorStateStore()
                        .getUnionListState(new ListStateDescriptor<>("gauge-totals", Long.class));
        openTickets = 0;
        runningClocks = 0;
        inUseTotals =
                context.getOperatorStateStore()
                        .getUnionListState(
                                new ListStateDescriptor<>("clocks-in-use", String.class));
        inUse = new ClocksInUse();
        policies = new TicketPolicies(startPolicy);
        for (PolicyVersion given : givenVersions) {
            policies.add(given);
        }
        for (Map.Entry<String, PolicyVersion> kept :
                context.getOperatorStateStore().getBroadcastState(POLICY_VERSIONS).entries()) {
            policies.add(kept.getValue());
        }
        if (context.isRestored()) {
            ClocksInUse restored = new ClocksInUse();
            restored.addAll(inUseTotals.get());
            String missing = policies.hasPublished() ? "" : restored.missingFrom(startPolicy);
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "cannot restore under policy "
                                + startPolicy.version()
                                + ": open clock cycles run "
                                + missing
                                + ", which it does not define. This savepoint was taken before"
                                + " policy versions were kept in it, so its open tickets run on"
                                + " the policy given now: start with a policy that still defines"
                                + " them (add them back, unchanged), or from a savepoint taken"
                                + " after those tickets closed.");
            }
            if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                inUse = restored;
            }
        }
        if (context.isRestored()
                && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            int i = 0;
            for (Long value : gaugeTotals.get()) {
                if (i++ % 2 == 0) {
                    openTickets += value;
                } else {
                    runningClocks += value;
                }
            }
        }
    }
}

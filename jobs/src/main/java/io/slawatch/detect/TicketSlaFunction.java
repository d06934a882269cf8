package io.slawatch.detect;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
import io.slawatch.model.ClockView;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.StatsSample;
import io.slawatch.model.TicketAttributes;
import io.slawatch.model.TicketEvent;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.predict.EtaSignal;
import io.slawatch.serde.Json;
import io.slawatch.state.ClockState;
import io.slawatch.state.TicketState;
import io.slawatch.state.TicketStateSerializer;
import io.slawatch.stats.StatsSamples;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Runs every ticket's SLA clocks: keyed by ticketId, one {@link TicketState} per ticket, driven by
 * event time. Alerts are the main output; clock outcomes, clock views, statistics samples and
 * quarantined events leave through side outputs.
 *
 * <p>Each ticket has at most one event-time timer, at the earliest instant it needs: its next
 * threshold, the end of its retention after CLOSED or CANCELLED, its safety horizon, or its
 * orphans' timeout. The timer is moved whenever that instant changes and deleted with the state;
 * without CLOSED a ticket would otherwise keep its timer and state until the safety horizon.
 */
public final class TicketSlaFunction extends KeyedProcessFunction<String, TicketEvent, Alert>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<ClockOutcome> OUTCOMES =
            new OutputTag<>("outcomes", TypeInformation.of(ClockOutcome.class));
    public static final OutputTag<ClockView> CLOCKS =
            new OutputTag<>("clocks", TypeInformation.of(ClockView.class));
    public static final OutputTag<StatsSample> SAMPLES =
            new OutputTag<>("stats-samples", TypeInformation.of(StatsSample.class));
    public static final OutputTag<EtaSignal> ETA_SIGNALS =
            new OutputTag<>("eta-signals", TypeInformation.of(EtaSignal.class));
    public static final OutputTag<QuarantineRecord> QUARANTINE =
            new OutputTag<>("ticket-quarantine", TypeInformation.of(QuarantineRecord.class));

    /** Accumulator names, read by replay for its summary. */
    public static final String DUPLICATES = "duplicates";

    public static final String EXPIRED_TICKETS = "expiredTickets";

    private final TicketSla sla;
    private final Clock wallClock;

    /** Cleared by {@link #clear}; see the class comment for what clears it. */
    private transient ValueState<TicketState> ticket;

    private transient LongCounter duplicates;
    private transient LongCounter expiredTickets;
    private transient Counter eventsUsed;
    private transient Counter eventsDuplicate;
    private transient Counter ticketsExpired;
    private transient Counter lateEvents;

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
    private transient Map<ClockType, Map<AlertKind, Counter>> alertCounters;

    public TicketSlaFunction(SlaPolicy policy) {
        this(policy, Clock.systemUTC());
    }

    /** With the clock that stamps quarantine records, for tests. */
    public TicketSlaFunction(SlaPolicy policy, Clock wallClock) {
        this.sla = new TicketSla(policy);
        this.wallClock = wallClock;
    }

    @Override
    public void open(OpenContext openContext) {
        ticket =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "ticket", TicketStateSerializer.INSTANCE));
        duplicates = new LongCounter();
        expiredTickets = new LongCounter();
        getRuntimeContext().addAccumulator(DUPLICATES, duplicates);
        getRuntimeContext().addAccumulator(EXPIRED_TICKETS, expiredTickets);
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        lateEvents = metrics.counter("eventsLate");
        eventsUsed = metrics.counter("eventsUsed");
        eventsDuplicate = metrics.counter("eventsDuplicate");
        ticketsExpired = metrics.counter("ticketsExpired");
        metrics.gauge("openTickets", () -> openTickets);
        metrics.gauge("runningClocks", () -> runningClocks);
        metrics.gauge(
                "watermarkLagMillis",
                () ->
                        lastWatermark == Long.MIN_VALUE
                                ? 0L
                                : Math.max(0L, wallClock.millis() - lastWatermark));
        alertCounters = new HashMap<>();
        MetricGroup alerts = metrics.addGroup("alerts");
        for (ClockType clock : sla.policy().clocks().keySet()) {
            Map<AlertKind, Counter> byKind = new EnumMap<>(AlertKind.class);
            for (AlertKind kind : AlertKind.values()) {
                byKind.put(
                        kind,
                        alerts.addGroup("clock", clock.name())
                                .addGroup("kind", kind.name())
                                .counter("count"));
            }
            alertCounters.put(clock, byKind);
        }
    }

    @Override
    public void processElement(TicketEvent event, Context ctx, Collector<Alert> out)
            throws Exception {
        TicketState state = ticket.value();
        if (state == null) {
            state = new TicketState();
            openTickets++;
        }
        lastWatermark = ctx.timerService().currentWatermark();
        if (event.occurredAt().toEpochMilli() <= lastWatermark) {
            lateEvents.inc();
        }
        int runningBefore = running(state);
        inUse.count(state, -1);
        sla.onEvent(state, event, new Emitter(ctx, out));
        runningClocks += running(state) - runningBefore;
        inUse.count(state, +1);
        schedule(state, ctx);
        ticket.update(state);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        TicketState state = ticket.value();
        if (state == null) {
            return;
        }
        state.wakeAt = TicketState.NONE;
        lastWatermark = ctx.timerService().currentWatermark();
        int runningBefore = running(state);
        inUse.count(state, -1);
        Emitter emitter = new Emitter(ctx, out);
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
        schedule(state, ctx);
        ticket.update(state);
    }

    private void schedule(TicketState state, Context ctx) {
        long next = sla.nextWakeUp(state);
        if (next == state.wakeAt) {
            return;
        }
        if (state.wakeAt != TicketState.NONE) {
            ctx.timerService().deleteEventTimeTimer(state.wakeAt);
        }
        if (next != TicketState.NONE) {
            ctx.timerService().registerEventTimeTimer(next);
        }
        state.wakeAt = next;
    }

    private void clear(TicketState state, Context ctx, int runningBefore) {
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
        if (context.isRestored()) {
            ClocksInUse restored = new ClocksInUse();
            restored.addAll(inUseTotals.get());
            String missing = restored.missingFrom(sla.policy());
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "cannot restore under policy "
                                + sla.policy().version()
                                + ": open clock cycles run "
                                + missing
                                + ", which it does not define. An open ticket keeps its policy"
                                + " version's label, target and calendar name, and takes every"
                                + " definition from the policy given now: start with a policy that"
                                + " still defines them (add them back, unchanged), or from a"
                                + " savepoint taken after those tickets closed.");
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

    /** Routes the engine's decisions to the function's outputs and counters. */
    private final class Emitter implements SlaOutput {
        private final Context ctx;
        private final Collector<Alert> alerts;

        Emitter(Context ctx, Collector<Alert> alerts) {
            this.ctx = ctx;
            this.alerts = alerts;
        }

        @Override
        public void alert(Alert alert) {
            Map<AlertKind, Counter> byKind = alertCounters.get(alert.clock());
            // A restored cycle of a clock the policy no longer defines still alerts; uncounted.
            if (byKind != null) {
                byKind.get(alert.kind()).inc();
            }
            alerts.collect(alert);
            StatsSamples.of(alert).ifPresent(sample -> ctx.output(SAMPLES, sample));
        }

        @Override
        public void retraction(Alert retraction, Instant retractedEventTime) {
            alert(retraction);
            StatsSamples.retraction(retraction, retractedEventTime)
                    .ifPresent(sample -> ctx.output(SAMPLES, sample));
        }

        @Override
        public void outcome(ClockOutcome outcome) {
            ctx.output(OUTCOMES, outcome);
            StatsSamples.of(outcome).ifPresent(sample -> ctx.output(SAMPLES, sample));
        }

        @Override
        public void clockStarted(ClockView view) {
            ctx.output(SAMPLES, StatsSamples.started(view));
        }

        @Override
        public void clock(ClockView view) {
            ctx.output(CLOCKS, view);
        }

        @Override
        public void quarantine(TicketEvent event, QuarantineReason reason, String detail) {
            String payload;
            try {
                payload = Json.mapper().writeValueAsString(event);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            ctx.output(
                    QUARANTINE,
                    QuarantineRecord.ofJson(
                            payload,
                            reason,
                            detail,
                            wallClock.instant(),
                            event.ticketId(),
                            event.eventId()));
        }

        @Override
        public void eta(EtaSignal signal) {
            ctx.output(ETA_SIGNALS, signal);
        }

        @Override
        public void applied(TicketEvent event) {
            eventsUsed.inc();
        }

        @Override
        public void ticketCreated(Instant at, TicketAttributes attributes) {
            ctx.output(SAMPLES, StatsSamples.created(at, attributes));
        }

        @Override
        public void duplicate(TicketEvent event) {
            duplicates.add(1);
            eventsDuplicate.inc();
        }

        @Override
        public void expired(String ticketId) {
            expiredTickets.add(1);
            ticketsExpired.inc();
        }
    }
}

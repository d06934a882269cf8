package io.slawatch.detect;

import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockPhase;
import io.slawatch.model.ClockType;
import io.slawatch.model.ClockView;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.Priority;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.TicketEvent;
import io.slawatch.policy.ClockPolicy;
import io.slawatch.policy.Escalation;
import io.slawatch.policy.Percent;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.policy.TargetRule;
import io.slawatch.policy.Warning;
import io.slawatch.state.ClockState;
import io.slawatch.state.ClockStatus;
import io.slawatch.state.TicketState;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The SLA rules of one ticket, free of Flink: what an event, the passing of event time, or the end
 * of a bounded input does to a ticket's clocks. {@link TicketSlaFunction} runs it in the job;
 * {@code slawatch explain} runs the very same code for one ticket and prints its traces.
 *
 * <p>Thresholds (warnings, deadline, escalations) are derived from a clock's start, target and
 * paused business time whenever they are needed, so a pause, a priority change or a new cycle never
 * leaves a stale instant behind. Event times are used at second precision.
 */
public final class TicketSla implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long NONE = TicketState.NONE;

    private final SlaPolicy policy;

    /** What the caller does with a ticket's state after a timer. */
    public enum Next {
        KEEP,
        CLEAR
    }

    /** One alertable instant of a clock. */
    record Threshold(ClockType clock, AlertKind kind, int level, long at) {}

    public TicketSla(SlaPolicy policy) {
        this.policy = policy;
    }

    public SlaPolicy policy() {
        return policy;
    }

    /**
     * Applies one event. Thresholds that lie before the event's time and have not been alerted yet
     * are alerted first, each at its own instant, so the alerts never depend on when a watermark
     * happens to arrive.
     */
    public void onEvent(TicketState state, TicketEvent event, SlaOutput out) {
        Visible[] before = visible(state);
        handle(state, event, out);
        reportChangedClocks(state, event.ticketId(), before, millis(event), out);
    }

    private void handle(TicketState state, TicketEvent event, SlaOutput out) {
        if (!state.firstSighting(event.eventId())) {
            out.duplicate(event);
            return;
        }
        if (!state.created) {
            if (event.type() != EventType.CREATED) {
                state.pending.add(event);
                out.trace(
                        event.occurredAt(),
                        event.type() + " came before the ticket's CREATED: held until it comes");
                return;
            }
            create(state, event, out);
            List<TicketEvent> held = new ArrayList<>(state.pending);
            state.pending.clear();
            held.sort(Comparator.comparing(TicketEvent::occurredAt));
            for (TicketEvent early : held) {
                apply(state, early, out);
            }
            return;
        }
        if (event.type() == EventType.CREATED) {
            out.quarantine(
                    event,
                    QuarantineReason.BAD_VALUE,
                    "ticket "
                            + event.ticketId()
                            + " was already created at "
                            + Instant.ofEpochMilli(state.createdAt));
            return;
        }
        apply(state, event, out);
    }

    /** Event time has reached {@code time}: alert what is due, and say whether to clear. */
    public Next onTimer(TicketState state, String ticketId, long time, SlaOutput out) {
        Visible[] before = visible(state);
        Next next = advance(state, ticketId, time, out);
        reportChangedClocks(state, ticketId, before, time, out);
        return next;
    }

    private Next advance(TicketState state, String ticketId, long time, SlaOutput out) {
        if (!state.created) {
            if (!state.pending.isEmpty()
                    && earliestPending(state) + policy.orphanTimeout().toMillis() <= time) {
                for (TicketEvent orphan : state.pending) {
                    out.quarantine(
                            orphan,
                            QuarantineReason.ORPHAN,
                            "no CREATED for ticket "
                                    + ticketId
                                    + " within "
                                    + policy.orphanTimeout());
                }
                return Next.CLEAR;
            }
            return Next.KEEP;
        }
        fireDue(state, ticketId, time, true, NONE, out);
        if (state.closedAt != NONE
                && state.closedAt + policy.retentionAfterClosed().toMillis() <= time) {
            return Next.CLEAR;
        }
        if (state.createdAt + policy.safetyHorizon().toMillis() <= time) {
            out.trace(
                    Instant.ofEpochMilli(time),
                    "open longer than the safety horizon " + policy.safetyHorizon() + ": cleared");
            out.expired(ticketId);
            return Next.CLEAR;
        }
        return Next.KEEP;
    }

    /**
     * A bounded input has ended. Its end is not the end of time: clocks still open are reported
     * RUNNING, not breached, and events still waiting for their CREATED leave as orphans.
     */
    public void onEndOfInput(TicketState state, String ticketId, SlaOutput out) {
        if (!state.created) {
            for (TicketEvent orphan : state.pending) {
                out.quarantine(
                        orphan,
                        QuarantineReason.ORPHAN,
                        "the input ended before ticket " + ticketId + " was CREATED");
            }
            return;
        }
        for (ClockState clock : state.clocks) {
            if (clock != null && clock.status.isOpen()) {
                long until = Math.max(state.lastEventAt, clock.startedAt);
                out.outcome(
                        outcome(
                                state,
                                ticketId,
                                clock,
                                OutcomeStatus.RUNNING,
                                NONE,
                                elapsedBy(clock, until),
                                pausedBy(clock, until),
                                0));
            }
        }
    }

    /**
     * The one instant at which this ticket next needs event time to wake it, at whole seconds, or
     * {@link TicketState#NONE}.
     */
    public long nextWakeUp(TicketState state) {
        if (!state.created) {
            return state.pending.isEmpty()
                    ? NONE
                    : ceilSecond(earliestPending(state) + policy.orphanTimeout().toMillis());
        }
        long next = state.createdAt + policy.safetyHorizon().toMillis();
        if (state.closedAt != NONE) {
            next = Math.min(next, state.closedAt + policy.retentionAfterClosed().toMillis());
        }
        for (ClockState clock : state.clocks) {
            if (clock != null && clock.status == ClockStatus.RUNNING) {
                for (Threshold threshold : thresholds(clock)) {
                    if (!clock.fired(threshold.kind(), threshold.level())) {
                        next = Math.min(next, threshold.at());
                        break;
                    }
                }
            }
        }
        return ceilSecond(next);
    }

    private void create(TicketState state, TicketEvent event, SlaOutput out) {
        out.applied(event);
        long at = millis(event);
        state.created = true;
        state.createdAt = at;
        state.lastEventAt = at;
        state.policyVersion = policy.version();
        state.channel = event.channel();
        state.priority = event.priority();
        state.complexity = event.complexity() == null ? Complexity.STANDARD : event.complexity();
        state.onsite = Boolean.TRUE.equals(event.onsite());
        updateHolder(state, event);
        out.ticketCreated(event.occurredAt(), state.attributes());
        out.trace(
                event.occurredAt(),
                "CREATED: channel "
                        + state.channel
                        + ", priority "
                        + state.priority
                        + ", complexity "
                        + state.complexity
                        + (state.onsite ? ", on site" : "")
                        + ", policy "
                        + state.policyVersion);
        for (ClockType type : ClockType.values()) {
            ClockPolicy clock = policy.clock(type);
            if (clock != null && clock.start().contains(EventType.CREATED)) {
                startClock(state, type, at, 1, out);
            }
        }
    }

    private void apply(TicketState state, TicketEvent event, SlaOutput out) {
        out.applied(event);
        String ticketId = event.ticketId();
        long at = millis(event);
        fireDue(state, ticketId, at, false, NONE, out);
        state.lastEventAt = Math.max(state.lastEventAt, at);
        EventType type = event.type();
        switch (type) {
            case DISPATCHED, REASSIGNED -> updateHolder(state, event);
            case UPDATED -> update(state, event, at, out);
            case CANCELLED, CLOSED -> {
                for (ClockState clock : state.clocks) {
                    if (clock != null && clock.status.isOpen()) {
                        out.trace(
                                event.occurredAt(),
                                clock.type + " cycle " + clock.cycle + " ends: ticket " + type);
                        cancel(state, ticketId, clock, at, out);
                    }
                }
                state.closedAt = at;
            }
            default -> {}
        }
        for (ClockType clockType : ClockType.values()) {
            ClockPolicy rules = policy.clock(clockType);
            if (rules == null) {
                continue;
            }
            ClockState clock = state.clock(clockType);
            boolean open = clock != null && clock.status.isOpen();
            if (rules.stop().contains(type) && open) {
                if (rules.requireEta().contains(state.complexity) && event.etaAt() == null) {
                    out.trace(
                            event.occurredAt(),
                            type
                                    + " does not stop "
                                    + clockType
                                    + ": a "
                                    + state.complexity
                                    + " ticket's response must state etaAt");
                } else {
                    stop(state, ticketId, clock, at, out);
                }
            } else if (rules.pause().contains(type) && open) {
                pause(clock, at, event, out);
            } else if (rules.resume().contains(type) && open) {
                resume(clock, at, event, out);
            } else if (rules.restart().contains(type) && clock != null && !open) {
                state.closedAt = NONE;
                startClock(state, clockType, at, clock.cycle + 1, out);
            } else if (rules.start().contains(type) && type != EventType.CREATED && !open) {
                startClock(state, clockType, at, clock == null ? 1 : clock.cycle + 1, out);
            }
        }
        // A change that moved a deadline into the past alerts at once, at the event's time.
        fireDue(state, ticketId, at, false, at, out);
    }

    private void update(TicketState state, TicketEvent event, long at, SlaOutput out) {
        boolean retarget = false;
        if (event.priority() != null && event.priority() != state.priority) {
            out.trace(event.occurredAt(), "priority " + state.priority + " -> " + event.priority());
            state.priority = event.priority();
            retarget = true;
        }
        if (event.complexity() != null && event.complexity() != state.complexity) {
            out.trace(
                    event.occurredAt(),
                    "complexity " + state.complexity + " -> " + event.complexity());
            state.complexity = event.complexity();
            retarget = true;
        }
        if (retarget) {
            for (ClockState clock : state.clocks) {
                if (clock != null && clock.status.isOpen()) {
                    long before = deadline(clock);
                    choose(state, clock);
                    out.trace(
                            event.occurredAt(),
                            clock.type
                                    + " target recomputed from the original start "
                                    + Instant.ofEpochMilli(clock.startedAt)
                                    + ": "
                                    + Duration.ofSeconds(clock.targetSeconds)
                                    + ", deadline "
                                    + Instant.ofEpochMilli(before)
                                    + " -> "
                                    + Instant.ofEpochMilli(deadline(clock)));
                }
            }
        }
        if (event.onsite() != null && event.onsite() != state.onsite) {
            state.onsite = event.onsite();
            for (ClockType type : ClockType.values()) {
                ClockPolicy rules = policy.clock(type);
                ClockState clock = state.clock(type);
                if (rules == null || !rules.onsiteOnly()) {
                    continue;
                }
                if (state.onsite && clock == null && rules.start().contains(EventType.CREATED)) {
                    // The need for a visit became known now: the promise starts now.
                    startClock(state, type, at, 1, out);
                } else if (!state.onsite && clock != null && clock.status.isOpen()) {
                    out.trace(event.occurredAt(), type + " ends: no visit needed any more");
                    cancel(state, event.ticketId(), clock, at, out);
                }
            }
        }
    }

    private void startClock(TicketState state, ClockType type, long at, int cycle, SlaOutput out) {
        ClockPolicy rules = policy.clock(type);
        if (rules.onsiteOnly() && !state.onsite) {
            return;
        }
        ClockState clock = new ClockState();
        clock.type = type;
        clock.cycle = cycle;
        clock.status = ClockStatus.RUNNING;
        clock.startedAt = floorSecond(at);
        choose(state, clock);
        state.clocks[type.ordinal()] = clock;
        BusinessCalendar calendar = policy.calendar(clock.calendar);
        StringBuilder story = new StringBuilder();
        story.append(type)
                .append(" cycle ")
                .append(cycle)
                .append(" starts: target ")
                .append(Duration.ofSeconds(clock.targetSeconds))
                .append(" (policy line ")
                .append(clock.targetRuleLine)
                .append(" for ")
                .append(state.channel)
                .append('/')
                .append(state.priority)
                .append('/')
                .append(state.complexity);
        if (clock.extensionBasisPoints > 0) {
            story.append(", peak extension +").append(new Percent(clock.extensionBasisPoints));
        }
        story.append("), calendar ")
                .append(clock.calendar)
                .append(" (")
                .append(calendar)
                .append(")");
        for (Threshold threshold : thresholds(clock)) {
            story.append("; ")
                    .append(threshold.kind() == AlertKind.BREACHED ? "deadline" : threshold.kind())
                    .append(threshold.kind() == AlertKind.BREACHED ? "" : " " + threshold.level())
                    .append(" at ")
                    .append(Instant.ofEpochMilli(threshold.at()));
        }
        out.trace(Instant.ofEpochMilli(clock.startedAt), story.toString());
    }

    /** Sets a clock's target from the ticket's current attributes and its creation time. */
    private void choose(TicketState state, ClockState clock) {
        TargetRule rule =
                policy.clock(clock.type).targetFor(state.channel, state.priority, state.complexity);
        Percent extension = policy.peaks().extensionAt(Instant.ofEpochMilli(state.createdAt));
        clock.targetSeconds = rule.target().plus(extension.of(rule.target())).getSeconds();
        clock.extensionBasisPoints = extension.basisPoints();
        clock.calendar = rule.calendar();
        clock.targetRuleLine = rule.line();
    }

    private void pause(ClockState clock, long at, TicketEvent event, SlaOutput out) {
        if (clock.status == ClockStatus.RUNNING) {
            clock.status = ClockStatus.PAUSED;
            clock.pausedSince = Math.max(floorSecond(at), clock.startedAt);
            clock.pauseDepth = 1;
            out.trace(
                    event.occurredAt(),
                    clock.type
                            + " paused"
                            + (event.reason() == null ? "" : " (" + event.reason() + ")"));
        } else {
            clock.pauseDepth++;
            out.trace(
                    event.occurredAt(),
                    clock.type + " paused again while paused (depth " + clock.pauseDepth + ")");
        }
    }

    private void resume(ClockState clock, long at, TicketEvent event, SlaOutput out) {
        if (clock.status != ClockStatus.PAUSED) {
            out.trace(event.occurredAt(), event.type() + " while " + clock.type + " runs: ignored");
            return;
        }
        if (--clock.pauseDepth > 0) {
            out.trace(
                    event.occurredAt(),
                    clock.type + " still paused (depth " + clock.pauseDepth + ")");
            return;
        }
        long before = deadline(clock);
        long pausedBefore = clock.pausedSeconds;
        endPause(clock, floorSecond(at));
        long paused = clock.pausedSeconds - pausedBefore;
        out.trace(
                event.occurredAt(),
                clock.type
                        + " resumed after "
                        + Duration.ofSeconds(paused)
                        + " of business time paused: deadline "
                        + Instant.ofEpochMilli(before)
                        + " -> "
                        + Instant.ofEpochMilli(deadline(clock)));
    }

    private void stop(
            TicketState state, String ticketId, ClockState clock, long at, SlaOutput out) {
        long stoppedAt = Math.max(floorSecond(at), clock.startedAt);
        endPause(clock, stoppedAt);
        long deadline = deadline(clock);
        long elapsed = elapsedBy(clock, stoppedAt);
        clock.endedAt = stoppedAt;
        if (stoppedAt <= deadline) {
            clock.status = ClockStatus.MET;
            // A stop that arrived after its deadline was alerted proves those alerts wrong.
            retract(state, ticketId, clock, AlertKind.BREACHED, 1, stoppedAt, deadline, out);
            for (Escalation escalation : policy.clock(clock.type).escalations()) {
                retract(
                        state,
                        ticketId,
                        clock,
                        AlertKind.ESCALATED,
                        escalation.level(),
                        stoppedAt,
                        deadline,
                        out);
            }
            out.trace(
                    Instant.ofEpochMilli(stoppedAt),
                    clock.type
                            + " met: "
                            + Duration.ofSeconds(elapsed)
                            + " of "
                            + Duration.ofSeconds(clock.targetSeconds)
                            + " business time used");
            out.outcome(
                    outcome(
                            state,
                            ticketId,
                            clock,
                            OutcomeStatus.MET,
                            stoppedAt,
                            elapsed,
                            clock.pausedSeconds,
                            0));
        } else {
            clock.status = ClockStatus.MET_LATE;
            long late = ceilSeconds(stoppedAt - deadline);
            out.alert(
                    alert(state, ticketId, clock, AlertKind.MET_LATE, 1, stoppedAt, deadline)
                            .overdue(late)
                            .build());
            out.trace(
                    Instant.ofEpochMilli(stoppedAt),
                    clock.type + " met late: " + Duration.ofSeconds(late) + " after the deadline");
            out.outcome(
                    outcome(
                            state,
                            ticketId,
                            clock,
                            OutcomeStatus.MET_LATE,
                            stoppedAt,
                            elapsed,
                            clock.pausedSeconds,
                            late));
        }
    }

    private void retract(
            TicketState state,
            String ticketId,
            ClockState clock,
            AlertKind kind,
            int level,
            long at,
            long deadline,
            SlaOutput out) {
        if (!clock.fired(kind, level)) {
            return;
        }
        String retracted = Alert.alertId(ticketId, clock.type, clock.cycle, kind, level);
        out.trace(
                Instant.ofEpochMilli(at),
                "late stop before the deadline: " + retracted + " is retracted");
        long retractedAt =
                thresholds(clock).stream()
                        .filter(threshold -> threshold.kind() == kind && threshold.level() == level)
                        .mapToLong(Threshold::at)
                        .findFirst()
                        .orElse(deadline);
        out.retraction(
                alert(state, ticketId, clock, AlertKind.RETRACTED, level, at, deadline)
                        .retracts(retracted)
                        .build(),
                Instant.ofEpochMilli(retractedAt));
    }

    private void cancel(
            TicketState state, String ticketId, ClockState clock, long at, SlaOutput out) {
        long endedAt = Math.max(floorSecond(at), clock.startedAt);
        endPause(clock, endedAt);
        long elapsed = elapsedBy(clock, endedAt);
        clock.status = ClockStatus.CANCELLED;
        clock.endedAt = endedAt;
        out.outcome(
                outcome(
                        state,
                        ticketId,
                        clock,
                        OutcomeStatus.CANCELLED,
                        endedAt,
                        elapsed,
                        clock.pausedSeconds,
                        0));
    }

    /**
     * Alerts every threshold of a running clock that is due by {@code time} ({@code inclusive} for
     * the watermark, exclusive before an event at that time), in time order across clocks. With
     * {@code alertAt} set, the alerts carry that event time instead of their own.
     */
    private void fireDue(
            TicketState state,
            String ticketId,
            long time,
            boolean inclusive,
            long alertAt,
            SlaOutput out) {
        List<Threshold> due = new ArrayList<>();
        for (ClockState clock : state.clocks) {
            if (clock == null || clock.status != ClockStatus.RUNNING) {
                continue;
            }
            for (Threshold threshold : thresholds(clock)) {
                boolean reached = inclusive ? threshold.at() <= time : threshold.at() < time;
                if (!reached) {
                    break;
                }
                if (!clock.fired(threshold.kind(), threshold.level())) {
                    due.add(threshold);
                }
            }
        }
        due.sort(Comparator.comparingLong(Threshold::at).thenComparing(Threshold::clock));
        for (Threshold threshold : due) {
            ClockState clock = state.clock(threshold.clock());
            long eventTime = alertAt == NONE ? threshold.at() : Math.max(alertAt, threshold.at());
            long deadline = deadline(clock);
            AlertBuilder alert =
                    alert(
                            state,
                            ticketId,
                            clock,
                            threshold.kind(),
                            threshold.level(),
                            eventTime,
                            deadline);
            if (threshold.kind() == AlertKind.AT_RISK) {
                alert.remaining(ceilSeconds(Math.max(0, deadline - eventTime)));
            } else {
                alert.overdue(ceilSeconds(Math.max(0, eventTime - deadline)));
            }
            clock.markFired(threshold.kind(), threshold.level());
            out.alert(alert.build());
        }
    }

    /** What a clock cycle shows: when it differs before and after a call, the clock changed. */
    private record Visible(
            int cycle,
            ClockStatus status,
            long firedMask,
            long targetSeconds,
            long pausedSeconds,
            String calendar,
            String agentId,
            String techId,
            String team,
            String region,
            Priority priority,
            Complexity complexity) {}

    private static Visible[] visible(TicketState state) {
        Visible[] visible = new Visible[state.clocks.length];
        for (int i = 0; i < state.clocks.length; i++) {
            ClockState clock = state.clocks[i];
            if (clock != null) {
                visible[i] =
                        new Visible(
                                clock.cycle,
                                clock.status,
                                clock.firedMask,
                                clock.targetSeconds,
                                clock.pausedSeconds,
                                clock.calendar,
                                state.agentId,
                                state.techId,
                                state.team,
                                state.region,
                                state.priority,
                                state.complexity);
            }
        }
        return visible;
    }

    private void reportChangedClocks(
            TicketState state, String ticketId, Visible[] before, long at, SlaOutput out) {
        Visible[] after = visible(state);
        for (int i = 0; i < state.clocks.length; i++) {
            ClockState clock = state.clocks[i];
            if (clock != null && !after[i].equals(before[i])) {
                ClockView view = view(state, ticketId, clock, Math.max(at, clock.startedAt));
                if (before[i] == null || before[i].cycle() != after[i].cycle()) {
                    out.clockStarted(view);
                }
                out.clock(view);
            }
        }
    }

    private ClockView view(TicketState state, String ticketId, ClockState clock, long at) {
        long deadline = deadline(clock);
        boolean open = clock.status.isOpen();
        long now = open ? at : clock.endedAt;
        return new ClockView(
                ClockView.clockId(ticketId, clock.type, clock.cycle),
                ticketId,
                clock.type,
                clock.cycle,
                phase(clock),
                Instant.ofEpochMilli(clock.startedAt),
                Instant.ofEpochMilli(deadline),
                Instant.ofEpochMilli(now),
                open ? null : Instant.ofEpochMilli(clock.endedAt),
                clock.targetSeconds,
                now <= deadline && clock.status != ClockStatus.CANCELLED
                        ? ceilSeconds(deadline - now)
                        : null,
                now > deadline && clock.status != ClockStatus.CANCELLED
                        ? ceilSeconds(now - deadline)
                        : null,
                state.attributes());
    }

    private static ClockPhase phase(ClockState clock) {
        return switch (clock.status) {
            case MET -> ClockPhase.MET;
            case MET_LATE -> ClockPhase.MET_LATE;
            case CANCELLED -> ClockPhase.CANCELLED;
            case PAUSED -> ClockPhase.PAUSED;
            case RUNNING -> {
                long escalations = clock.firedMask >>> (ClockPolicy.MAX_WARNINGS + 1);
                if (escalations != 0) {
                    yield ClockPhase.ESCALATED;
                }
                if (clock.fired(AlertKind.BREACHED, 1)) {
                    yield ClockPhase.BREACHED;
                }
                yield (clock.firedMask & ((1L << ClockPolicy.MAX_WARNINGS) - 1)) != 0
                        ? ClockPhase.AT_RISK
                        : ClockPhase.RUNNING;
            }
        };
    }

    /** The clock's thresholds in time order: warnings, deadline, escalations. */
    List<Threshold> thresholds(ClockState clock) {
        ClockPolicy rules = policy.clock(clock.type);
        BusinessCalendar calendar = policy.calendar(clock.calendar);
        Instant start = Instant.ofEpochMilli(clock.startedAt);
        Duration target = Duration.ofSeconds(clock.targetSeconds);
        Duration paused = Duration.ofSeconds(clock.pausedSeconds);
        List<Threshold> thresholds = new ArrayList<>();
        TreeSet<Duration> warnings = new TreeSet<>();
        for (Warning warning : rules.warnings()) {
            warning.offsetFromStart(target).ifPresent(warnings::add);
        }
        int level = 1;
        for (Duration offset : warnings) {
            thresholds.add(
                    new Threshold(
                            clock.type,
                            AlertKind.AT_RISK,
                            level++,
                            calendar.add(start, offset.plus(paused)).toEpochMilli()));
        }
        Instant deadline = calendar.add(start, target.plus(paused));
        thresholds.add(new Threshold(clock.type, AlertKind.BREACHED, 1, deadline.toEpochMilli()));
        for (Escalation escalation : rules.escalations()) {
            thresholds.add(
                    new Threshold(
                            clock.type,
                            AlertKind.ESCALATED,
                            escalation.level(),
                            calendar.add(deadline, escalation.delayAfterDeadline(target))
                                    .toEpochMilli()));
        }
        thresholds.sort(Comparator.comparingLong(Threshold::at));
        return thresholds;
    }

    /** The clock's current deadline: its target plus the business time it spent paused. */
    long deadline(ClockState clock) {
        return policy.calendar(clock.calendar)
                .add(
                        Instant.ofEpochMilli(clock.startedAt),
                        Duration.ofSeconds(clock.targetSeconds + clock.pausedSeconds))
                .toEpochMilli();
    }

    /** Business seconds the clock has been paused by {@code at}, a pause still on included. */
    private long pausedBy(ClockState clock, long at) {
        return clock.pausedSeconds
                + (clock.status == ClockStatus.PAUSED
                        ? businessSeconds(clock, clock.pausedSince, at)
                        : 0);
    }

    /** Business seconds the clock has run by {@code at}, pauses left out. */
    private long elapsedBy(ClockState clock, long at) {
        return Math.max(0, businessSeconds(clock, clock.startedAt, at) - pausedBy(clock, at));
    }

    /** Ends the clock's pause, if it is paused, at {@code at}: it runs again from there. */
    private void endPause(ClockState clock, long at) {
        clock.pausedSeconds = pausedBy(clock, at);
        clock.pausedSince = NONE;
        clock.pauseDepth = 0;
        if (clock.status == ClockStatus.PAUSED) {
            clock.status = ClockStatus.RUNNING;
        }
    }

    private long businessSeconds(ClockState clock, long from, long to) {
        return policy.calendar(clock.calendar)
                .between(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))
                .getSeconds();
    }

    private AlertBuilder alert(
            TicketState state,
            String ticketId,
            ClockState clock,
            AlertKind kind,
            int level,
            long eventTime,
            long deadline) {
        return new AlertBuilder(state, ticketId, clock, kind, level, eventTime, deadline);
    }

    private ClockOutcome outcome(
            TicketState state,
            String ticketId,
            ClockState clock,
            OutcomeStatus status,
            long endedAt,
            long elapsedSeconds,
            long pausedSeconds,
            long lateSeconds) {
        return new ClockOutcome(
                ClockOutcome.outcomeId(ticketId, clock.type, clock.cycle),
                ticketId,
                clock.type,
                clock.cycle,
                status,
                Instant.ofEpochMilli(clock.startedAt),
                endedAt == NONE ? null : Instant.ofEpochMilli(endedAt),
                Instant.ofEpochMilli(deadline(clock)),
                clock.targetSeconds,
                elapsedSeconds,
                pausedSeconds,
                lateSeconds,
                state.attributes());
    }

    private static void updateHolder(TicketState state, TicketEvent event) {
        if (event.agentId() != null) {
            state.agentId = event.agentId();
        }
        if (event.techId() != null) {
            state.techId = event.techId();
        }
        if (event.team() != null) {
            state.team = event.team();
        }
        if (event.region() != null) {
            state.region = event.region();
        }
    }

    private static long earliestPending(TicketState state) {
        long earliest = Long.MAX_VALUE;
        for (TicketEvent event : state.pending) {
            earliest = Math.min(earliest, millis(event));
        }
        return earliest;
    }

    private static long millis(TicketEvent event) {
        return event.occurredAt().toEpochMilli();
    }

    static long floorSecond(long millis) {
        return Math.floorDiv(millis, 1000) * 1000;
    }

    static long ceilSecond(long millis) {
        return -Math.floorDiv(-millis, 1000) * 1000;
    }

    private static long ceilSeconds(long millis) {
        return -Math.floorDiv(-millis, 1000);
    }
}

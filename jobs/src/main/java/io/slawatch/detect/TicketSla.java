package io.slawatch.detect;

import static io.slawatch.detect.Deadlines.ceilSecond;
import static io.slawatch.detect.Deadlines.floorSecond;

import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.Priority;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.TicketEvent;
import io.slawatch.policy.ClockPolicy;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.state.ClockState;
import io.slawatch.state.ClockStatus;
import io.slawatch.state.TicketState;
import java.io.Serializable;
import java.time.Instant;

/**
 * The lifecycle of one ticket's clocks, free of Flink: what an event, the passing of event time, or
 * the end of a bounded input does to them (start, stop, pause, resume, cancel, retract). {@link
 * TicketSlaFunction} runs it in the job; {@code slawatch explain} runs the very same code for one
 * ticket and prints its story. The arithmetic of deadlines is {@link Deadlines}', the views and
 * outcomes are {@link ClockReports}', the story's sentences are {@link SlaStory}'s.
 */
public final class TicketSla implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long NONE = TicketState.NONE;

    private final SlaPolicy policy;
    private final Deadlines deadlines;
    private final ClockReports reports;
    private final DueAlerts due;
    private final CycleEnds ends;
    private final TargetChoice targets;
    private final VersionMove move;

    /** What the caller does with a ticket's state after a timer. */
    public enum Next {
        KEEP,
        CLEAR
    }

    public TicketSla(SlaPolicy policy) {
        this.policy = policy;
        this.deadlines = new Deadlines(policy);
        this.reports = new ClockReports(deadlines);
        this.due = new DueAlerts(deadlines);
        this.ends = new CycleEnds(policy, deadlines, reports);
        this.targets = new TargetChoice(policy);
        this.move = new VersionMove(policy, deadlines, due, ends, targets);
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
        ClockReports.Shown[] before = ClockReports.shown(state);
        handle(state, event, out);
        reports.reportChanged(state, event.ticketId(), before, millis(event), out);
    }

    private void handle(TicketState state, TicketEvent event, SlaOutput out) {
        if (!state.firstSighting(event.eventId())) {
            out.duplicate(event);
            return;
        }
        if (!state.created) {
            if (event.type() != EventType.CREATED) {
                EarlyEvents.hold(state, event, out);
                return;
            }
            create(state, event, out);
            for (TicketEvent early : EarlyEvents.release(state)) {
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

    /**
     * Moves a CREATED ticket of an older version to this one, which applies to open tickets ({@code
     * appliesTo: open}), at event time {@code at}: see {@link VersionMove}.
     */
    public void moveHere(
            TicketState state, String ticketId, long at, TicketSla current, SlaOutput out) {
        ClockReports.Shown[] before = ClockReports.shown(state);
        move.move(state, ticketId, at, current.deadlines, out);
        reports.reportChanged(state, ticketId, before, at, out);
    }

    /** Event time has reached {@code time}: alert what is due, and say whether to clear. */
    public Next onTimer(TicketState state, String ticketId, long time, SlaOutput out) {
        ClockReports.Shown[] before = ClockReports.shown(state);
        Next next = advance(state, ticketId, time, out);
        reports.reportChanged(state, ticketId, before, time, out);
        return next;
    }

    private Next advance(TicketState state, String ticketId, long time, SlaOutput out) {
        if (!state.created) {
            long orphanedAt = EarlyEvents.orphanedAt(state, policy.orphanTimeout());
            if (orphanedAt != NONE && orphanedAt <= time) {
                EarlyEvents.quarantine(
                        state,
                        "no CREATED for ticket " + ticketId + " within " + policy.orphanTimeout(),
                        out);
                return Next.CLEAR;
            }
            return Next.KEEP;
        }
        due.fire(state, ticketId, time, true, NONE, out);
        if (state.closedAt != NONE
                && state.closedAt + policy.retentionAfterClosed().toMillis() <= time) {
            return Next.CLEAR;
        }
        if (state.createdAt + policy.safetyHorizon().toMillis() <= time) {
            out.trace(Instant.ofEpochMilli(time), () -> SlaStory.expired(policy.safetyHorizon()));
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
            EarlyEvents.quarantine(
                    state, "the input ended before ticket " + ticketId + " was CREATED", out);
            return;
        }
        for (ClockState clock : state.clocks) {
            if (clock != null && clock.status.isOpen()) {
                long until = Math.max(state.lastEventAt, clock.startedAt);
                out.outcome(
                        reports.outcome(
                                state,
                                ticketId,
                                clock,
                                OutcomeStatus.RUNNING,
                                NONE,
                                deadlines.elapsedBy(clock, until),
                                deadlines.pausedBy(clock, until),
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
            long orphanedAt = EarlyEvents.orphanedAt(state, policy.orphanTimeout());
            return orphanedAt == NONE ? NONE : ceilSecond(orphanedAt);
        }
        long next = state.createdAt + policy.safetyHorizon().toMillis();
        if (state.closedAt != NONE) {
            next = Math.min(next, state.closedAt + policy.retentionAfterClosed().toMillis());
        }
        long nextAlert = due.next(state);
        if (nextAlert != NONE) {
            next = Math.min(next, nextAlert);
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
        state.customerId = event.customerId();
        state.priority = event.priority();
        state.complexity = event.complexity() == null ? Complexity.STANDARD : event.complexity();
        state.onsite = Boolean.TRUE.equals(event.onsite());
        updateHolder(state, event);
        out.trace(event.occurredAt(), () -> SlaStory.created(state));
        policy.clocks()
                .forEach(
                        (type, rules) -> {
                            if (rules.start().contains(EventType.CREATED)) {
                                startClock(state, type, at, 1, out);
                            }
                        });
        if (policy.prediction() != null) {
            EtaSignals.tell(state, event, at, false, deadlines, out);
        }
    }

    private void apply(TicketState state, TicketEvent event, SlaOutput out) {
        out.applied(event);
        String ticketId = event.ticketId();
        long at = millis(event);
        due.fire(state, ticketId, at, false, NONE, out);
        state.lastEventAt = Math.max(state.lastEventAt, at);
        EventType type = event.type();
        ClockState arrival = state.clock(ClockType.ARRIVAL);
        boolean arrivalWasOpen = arrival != null && arrival.status.isOpen();
        switch (type) {
            case DISPATCHED, REASSIGNED, ETA_UPDATED -> updateHolder(state, event);
            case UPDATED -> update(state, event, at, out);
            case CANCELLED, CLOSED -> {
                for (ClockState clock : state.clocks) {
                    if (clock != null && clock.status.isOpen()) {
                        out.trace(event.occurredAt(), () -> SlaStory.cycleEnds(clock, type));
                        ends.cancel(state, ticketId, clock, at, out);
                    }
                }
                state.closedAt = at;
            }
            default -> {}
        }
        for (var entry : policy.clocks().entrySet()) {
            ClockType clockType = entry.getKey();
            ClockPolicy rules = entry.getValue();
            ClockState clock = state.clock(clockType);
            boolean open = clock != null && clock.status.isOpen();
            if (rules.stop().contains(type) && open) {
                if (rules.requireEta().contains(state.complexity) && event.etaAt() == null) {
                    out.trace(
                            event.occurredAt(),
                            () -> SlaStory.etaMissing(type, clockType, state.complexity));
                } else {
                    ends.stop(state, ticketId, clock, at, out);
                }
            } else if (rules.renew().contains(type) && open) {
                out.trace(event.occurredAt(), () -> SlaStory.renewed(clock, type));
                ends.stop(state, ticketId, clock, at, out);
                reports.reportEnded(state, ticketId, clock, out);
                startClock(state, clockType, at, clock.cycle + 1, out);
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
        due.fire(state, ticketId, at, false, at, out);
        if (policy.prediction() != null) {
            EtaSignals.tell(state, event, at, arrivalWasOpen, deadlines, out);
        }
    }

    private void update(TicketState state, TicketEvent event, long at, SlaOutput out) {
        boolean retarget = false;
        if (event.priority() != null && event.priority() != state.priority) {
            Priority from = state.priority;
            out.trace(
                    event.occurredAt(), () -> SlaStory.changed("priority", from, event.priority()));
            state.priority = event.priority();
            retarget = true;
        }
        if (event.complexity() != null && event.complexity() != state.complexity) {
            Complexity from = state.complexity;
            out.trace(
                    event.occurredAt(),
                    () -> SlaStory.changed("complexity", from, event.complexity()));
            state.complexity = event.complexity();
            retarget = true;
        }
        boolean moved = event.onsite() != null && event.onsite() != state.onsite;
        if (moved) {
            state.onsite = event.onsite();
        }
        if (!retarget && !moved) {
            return;
        }
        // A clock that no longer applies ends first: its targets need not cover the new values.
        policy.clocks()
                .forEach(
                        (type, rules) -> {
                            ClockState clock = state.clock(type);
                            if (clock != null && clock.status.isOpen() && !applies(rules, state)) {
                                out.trace(
                                        event.occurredAt(),
                                        () -> SlaStory.noLongerApplies(type, rules.applies()));
                                ends.cancel(state, event.ticketId(), clock, at, out);
                            }
                        });
        if (retarget) {
            for (ClockState clock : state.clocks) {
                if (clock.status.isOpen()) {
                    long before = deadlines.deadline(clock);
                    targets.choose(state, clock);
                    long after = deadlines.deadline(clock);
                    out.trace(event.occurredAt(), () -> SlaStory.retargeted(clock, before, after));
                }
            }
        }
        // A promise made at CREATED that applies only now (a visit needed, a ticket become
        // COMPLEX) starts now.
        policy.clocks()
                .forEach(
                        (type, rules) -> {
                            if (state.clock(type) == null
                                    && rules.start().contains(EventType.CREATED)) {
                                startClock(state, type, at, 1, out);
                            }
                        });
    }

    private static boolean applies(ClockPolicy rules, TicketState state) {
        return rules.appliesTo(state.channel, state.priority, state.complexity, state.onsite);
    }

    private void startClock(TicketState state, ClockType type, long at, int cycle, SlaOutput out) {
        if (!applies(policy.clock(type), state)) {
            return;
        }
        ClockState clock = new ClockState();
        clock.type = type;
        clock.cycle = cycle;
        clock.status = ClockStatus.RUNNING;
        clock.startedAt = floorSecond(at);
        targets.choose(state, clock);
        state.put(clock);
        out.trace(
                Instant.ofEpochMilli(clock.startedAt),
                () ->
                        SlaStory.started(
                                state,
                                clock,
                                policy.calendar(clock.calendar),
                                deadlines.thresholds(clock)));
    }

    private void pause(ClockState clock, long at, TicketEvent event, SlaOutput out) {
        if (clock.status == ClockStatus.RUNNING) {
            clock.status = ClockStatus.PAUSED;
            clock.pausedSince = Math.max(floorSecond(at), clock.startedAt);
            clock.pauseDepth = 1;
            out.trace(event.occurredAt(), () -> SlaStory.paused(clock, event.reason()));
        } else {
            clock.pauseDepth++;
            out.trace(event.occurredAt(), () -> SlaStory.pausedAgain(clock));
        }
    }

    private void resume(ClockState clock, long at, TicketEvent event, SlaOutput out) {
        if (clock.status != ClockStatus.PAUSED) {
            out.trace(event.occurredAt(), () -> SlaStory.resumeWhileRunning(event.type(), clock));
            return;
        }
        if (--clock.pauseDepth > 0) {
            out.trace(event.occurredAt(), () -> SlaStory.stillPaused(clock));
            return;
        }
        long before = deadlines.deadline(clock);
        long pausedBefore = clock.pausedSeconds;
        deadlines.endPause(clock, floorSecond(at));
        long paused = clock.pausedSeconds - pausedBefore;
        long after = deadlines.deadline(clock);
        out.trace(event.occurredAt(), () -> SlaStory.resumed(clock, paused, before, after));
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

    private static long millis(TicketEvent event) {
        return event.occurredAt().toEpochMilli();
    }
}

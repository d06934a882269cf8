package io.slawatch.detect;

import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.model.AlertKind;
import io.slawatch.policy.ClockPolicy;
import io.slawatch.policy.Escalation;
import io.slawatch.policy.SlaPolicy;
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
 * Deadline arithmetic of a clock cycle in its calendar's business time: its thresholds, its
 * deadline, the business time it has run and been paused, and the rounding of event times to whole
 * seconds. Everything is derived from the cycle's start, target and paused time when it is needed,
 * so a pause, a priority change or a new cycle never leaves a stale instant behind.
 */
final class Deadlines implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SlaPolicy policy;

    Deadlines(SlaPolicy policy) {
        this.policy = policy;
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
    long pausedBy(ClockState clock, long at) {
        return clock.pausedSeconds
                + (clock.status == ClockStatus.PAUSED
                        ? businessSeconds(clock, clock.pausedSince, at)
                        : 0);
    }

    /** Business seconds the clock has run by {@code at}, pauses left out. */
    long elapsedBy(ClockState clock, long at) {
        return Math.max(0, businessSeconds(clock, clock.startedAt, at) - pausedBy(clock, at));
    }

    /** Ends the clock's pause, if it is paused, at {@code at}: it runs again from there. */
    void endPause(ClockState clock, long at) {
        clock.pausedSeconds = pausedBy(clock, at);
        clock.pausedSince = TicketState.NONE;
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

    /** Event times count at second precision: a clock starts and stops at a whole second. */
    static long floorSecond(long millis) {
        return Math.floorDiv(millis, 1000) * 1000;
    }

    /** Timers wake at whole seconds, never before what they wait for. */
    static long ceilSecond(long millis) {
        return -Math.floorDiv(-millis, 1000) * 1000;
    }

    /** A duration in whole seconds, any part of a second counting as one. */
    static long ceilSeconds(long millis) {
        return -Math.floorDiv(-millis, 1000);
    }
}

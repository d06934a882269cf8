package io.slawatch.detect;

import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockType;
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
import java.util.Objects;
import java.util.TreeSet;

/**
 * Deadline arithmetic of a clock cycle in its calendar's business time: its thresholds, its
 * deadline, the business time it has run and been paused, and the rounding of event times to whole
 * seconds. Everything is derived from the cycle's start, target and paused time when it is needed,
 * so a pause, a priority change or a new cycle never leaves a stale instant behind.
 */
final class Deadlines implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Cycles whose thresholds are kept (see {@code recent}): 2^10, a few hundred KiB. */
    private static final int RECENT_BITS = 10;

    private final SlaPolicy policy;

    /**
     * The thresholds of recent clock cycles, by a hash of what they derive from: each event asks
     * for those of every running clock of its ticket more than once, and each answer walks the
     * calendar. Kept here, not with the clock, so that open tickets' state does not grow. An entry
     * is a pure function of its key: a pause, a new target or a new cycle only makes it miss. Slots
     * are replaced whole.
     */
    private transient Derived[] recent;

    private record Derived(
            ClockType type,
            String calendar,
            long startedAt,
            long targetSeconds,
            long pausedSeconds,
            List<Threshold> thresholds,
            long deadline) {

        boolean of(ClockState clock) {
            return startedAt == clock.startedAt
                    && targetSeconds == clock.targetSeconds
                    && pausedSeconds == clock.pausedSeconds
                    && type.equals(clock.type)
                    && Objects.equals(calendar, clock.calendar);
        }
    }

    Deadlines(SlaPolicy policy) {
        this.policy = policy;
    }

    /** The clock's thresholds in time order: warnings, deadline, escalations. Immutable. */
    List<Threshold> thresholds(ClockState clock) {
        return derived(clock).thresholds();
    }

    /** The clock's current deadline: its target plus the business time it spent paused. */
    long deadline(ClockState clock) {
        return derived(clock).deadline();
    }

    private Derived derived(ClockState clock) {
        Derived[] slots = recent;
        if (slots == null) {
            slots = recent = new Derived[1 << RECENT_BITS];
        }
        int slot = slot(clock);
        Derived known = slots[slot];
        if (known == null || !known.of(clock)) {
            List<Threshold> thresholds = List.copyOf(computeThresholds(clock));
            long deadline =
                    thresholds.stream()
                            .filter(threshold -> threshold.kind() == AlertKind.BREACHED)
                            .mapToLong(Threshold::at)
                            .findFirst()
                            .orElseThrow();
            known =
                    new Derived(
                            clock.type,
                            clock.calendar,
                            clock.startedAt,
                            clock.targetSeconds,
                            clock.pausedSeconds,
                            thresholds,
                            deadline);
            slots[slot] = known;
        }
        return known;
    }

    /** Where {@code clock}'s cycle is kept among the recent ones. */
    static int slot(ClockState clock) {
        long hash = clock.startedAt;
        hash = hash * 31 + clock.targetSeconds;
        hash = hash * 31 + clock.pausedSeconds;
        hash = hash * 31 + clock.type.name().hashCode();
        // Fibonacci hashing: the product's top bits mix all of the key's.
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> (Long.SIZE - RECENT_BITS));
    }

    private List<Threshold> computeThresholds(ClockState clock) {
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

package io.slawatch.state;

import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockType;
import io.slawatch.policy.ClockPolicy;

/**
 * One cycle of one clock of a ticket. Instants are epoch milliseconds; business durations are
 * seconds in the clock's calendar. Thresholds (warnings, deadline, escalations) are derived from
 * {@code startedAt}, {@code targetSeconds} and {@code pausedSeconds}, never stored.
 */
public final class ClockState {

    public static final long NONE = Long.MIN_VALUE;

    public ClockType type;
    public int cycle;
    public ClockStatus status;
    public long startedAt;
    public long targetSeconds;
    public String calendar;

    /** Peak extension applied to the target, in basis points (0 when none). */
    public int extensionBasisPoints;

    /** Line of the policy's target rule that chose the target, for explanations. */
    public int targetRuleLine;

    /** Business seconds spent paused in finished pauses. */
    public long pausedSeconds;

    public long pausedSince = NONE;
    public int pauseDepth;

    /** Thresholds already alerted, one bit per (kind, level): see {@link #bit}. */
    public long firedMask;

    public long endedAt = NONE;

    /** The bit of {@link #firedMask} that records an alert of this kind and level. */
    public static int bit(AlertKind kind, int level) {
        return switch (kind) {
            case AT_RISK -> level - 1;
            case BREACHED -> ClockPolicy.MAX_WARNINGS;
            case ESCALATED -> ClockPolicy.MAX_WARNINGS + level - 1;
            default -> throw new IllegalArgumentException(kind + " is not a threshold");
        };
    }

    public boolean fired(AlertKind kind, int level) {
        return (firedMask & (1L << bit(kind, level))) != 0;
    }

    public void markFired(AlertKind kind, int level) {
        firedMask |= 1L << bit(kind, level);
    }

    /** Forgets an alert that was retracted, so that it can fire again at its new instant. */
    public void clearFired(AlertKind kind, int level) {
        firedMask &= ~(1L << bit(kind, level));
    }

    public ClockState copy() {
        ClockState copy = new ClockState();
        copy.type = type;
        copy.cycle = cycle;
        copy.status = status;
        copy.startedAt = startedAt;
        copy.targetSeconds = targetSeconds;
        copy.calendar = calendar;
        copy.extensionBasisPoints = extensionBasisPoints;
        copy.targetRuleLine = targetRuleLine;
        copy.pausedSeconds = pausedSeconds;
        copy.pausedSince = pausedSince;
        copy.pauseDepth = pauseDepth;
        copy.firedMask = firedMask;
        copy.endedAt = endedAt;
        return copy;
    }
}

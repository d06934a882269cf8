package io.slawatch.detect;

import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.policy.ClockApplies;
import io.slawatch.policy.Percent;
import io.slawatch.state.ClockState;
import io.slawatch.state.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sentences of a ticket's story, as {@code slawatch explain} prints them: one per decision of
 * {@link TicketSla}. Built only when someone reads them ({@link SlaOutput#trace}), never in the
 * job's hot path.
 */
final class SlaStory {

    private SlaStory() {}

    static String heldBeforeCreated(EventType type) {
        return type + " came before the ticket's CREATED: held until it comes";
    }

    static String created(TicketState state) {
        return "CREATED: channel "
                + state.channel
                + ", priority "
                + state.priority
                + ", complexity "
                + state.complexity
                + (state.onsite ? ", on site" : "")
                + ", policy "
                + state.policyVersion;
    }

    static String cycleEnds(ClockState clock, EventType type) {
        return clock.type + " cycle " + clock.cycle + " ends: ticket " + type;
    }

    static String etaMissing(EventType type, ClockType clock, Complexity complexity) {
        return type
                + " does not stop "
                + clock
                + ": a "
                + complexity
                + " ticket's response must state etaAt";
    }

    static String changed(String attribute, Object from, Object to) {
        return attribute + " " + from + " -> " + to;
    }

    static String retargeted(ClockState clock, long deadlineBefore, long deadlineAfter) {
        return clock.type
                + " target recomputed from the original start "
                + Instant.ofEpochMilli(clock.startedAt)
                + ": "
                + Duration.ofSeconds(clock.targetSeconds)
                + ", deadline "
                + Instant.ofEpochMilli(deadlineBefore)
                + " -> "
                + Instant.ofEpochMilli(deadlineAfter);
    }

    static String noLongerApplies(ClockType type, ClockApplies applies) {
        return type + " ends: it runs for " + applies.describe() + " only";
    }

    static String moved(String fromVersion, String toVersion) {
        return "moves from policy version "
                + fromVersion
                + " to "
                + toVersion
                + ", which applies to open tickets";
    }

    static String notInVersion(ClockType type) {
        return type + " ends: the version it moves to does not run it for this ticket";
    }

    static String renewed(ClockState clock, EventType type) {
        return type + " renews " + clock.type + ": cycle " + clock.cycle + " ends, the next starts";
    }

    static String started(
            TicketState state,
            ClockState clock,
            BusinessCalendar calendar,
            List<Threshold> thresholds) {
        StringBuilder story = new StringBuilder();
        story.append(clock.type)
                .append(" cycle ")
                .append(clock.cycle)
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
        for (Threshold threshold : thresholds) {
            boolean deadline = threshold.kind() == AlertKind.BREACHED;
            story.append("; ")
                    .append(deadline ? "deadline" : threshold.kind())
                    .append(deadline ? "" : " " + threshold.level())
                    .append(" at ")
                    .append(Instant.ofEpochMilli(threshold.at()));
        }
        return story.toString();
    }

    static String paused(ClockState clock, String reason) {
        return clock.type + " paused" + (reason == null ? "" : " (" + reason + ")");
    }

    static String pausedAgain(ClockState clock) {
        return clock.type + " paused again while paused (depth " + clock.pauseDepth + ")";
    }

    static String resumeWhileRunning(EventType type, ClockState clock) {
        return type + " while " + clock.type + " runs: ignored";
    }

    static String stillPaused(ClockState clock) {
        return clock.type + " still paused (depth " + clock.pauseDepth + ")";
    }

    static String resumed(
            ClockState clock, long pausedSeconds, long deadlineBefore, long deadlineAfter) {
        return clock.type
                + " resumed after "
                + Duration.ofSeconds(pausedSeconds)
                + " of business time paused: deadline "
                + Instant.ofEpochMilli(deadlineBefore)
                + " -> "
                + Instant.ofEpochMilli(deadlineAfter);
    }

    static String met(ClockState clock, long elapsedSeconds) {
        return clock.type
                + " met: "
                + Duration.ofSeconds(elapsedSeconds)
                + " of "
                + Duration.ofSeconds(clock.targetSeconds)
                + " business time used";
    }

    static String metLate(ClockState clock, long lateSeconds) {
        return clock.type + " met late: " + Duration.ofSeconds(lateSeconds) + " after the deadline";
    }

    static String retracted(String alertId) {
        return "late stop before the deadline: " + alertId + " is retracted";
    }

    static String expired(Duration safetyHorizon) {
        return "open longer than the safety horizon " + safetyHorizon + ": cleared";
    }
}

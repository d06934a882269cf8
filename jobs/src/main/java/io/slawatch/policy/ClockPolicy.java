package io.slawatch.policy;

import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * How one clock runs: the events that start, stop, pause, resume, restart and renew it, the tickets
 * it applies to, its targets, warnings and escalation levels.
 *
 * @param restart events that start the next cycle after a stopped one (REOPENED)
 * @param renew events that stop the open cycle and start the next at once (a periodic promise)
 * @param applies the tickets the clock runs for
 * @param requireEta complexities whose stop event counts only with an {@code etaAt}
 */
public record ClockPolicy(
        ClockType clock,
        Set<EventType> start,
        Set<EventType> stop,
        Set<EventType> pause,
        Set<EventType> resume,
        Set<EventType> restart,
        Set<EventType> renew,
        ClockApplies applies,
        Set<Complexity> requireEta,
        List<TargetRule> targets,
        List<Warning> warnings,
        List<Escalation> escalations)
        implements Serializable {

    /** At most this many warnings (AT_RISK levels) per clock: each alert level has a bit. */
    public static final int MAX_WARNINGS = 16;

    /** The highest escalation level, for the same reason. */
    public static final int MAX_ESCALATION_LEVEL = 47;

    public ClockPolicy {
        start = Set.copyOf(start);
        stop = Set.copyOf(stop);
        pause = Set.copyOf(pause);
        resume = Set.copyOf(resume);
        restart = Set.copyOf(restart);
        renew = Set.copyOf(renew);
        requireEta = Set.copyOf(requireEta);
        targets = List.copyOf(targets);
        warnings = List.copyOf(warnings);
        escalations =
                escalations.stream().sorted(Comparator.comparingInt(Escalation::level)).toList();
    }

    /** Whether a ticket with these attributes runs the clock. */
    public boolean appliesTo(
            Channel channel, Priority priority, Complexity complexity, boolean onsite) {
        return applies.matches(channel, priority, complexity, onsite);
    }

    /**
     * The most specific rule matching a ticket. The loader proves that every combination has
     * exactly one, so this never fails for a loaded policy.
     */
    public TargetRule targetFor(Channel channel, Priority priority, Complexity complexity) {
        TargetRule best = null;
        for (TargetRule rule : targets) {
            if (rule.matches(channel, priority, complexity)
                    && (best == null || rule.specificity() > best.specificity())) {
                best = rule;
            }
        }
        if (best == null) {
            throw new IllegalStateException(
                    "no " + clock + " target for " + channel + "/" + priority + "/" + complexity);
        }
        return best;
    }
}

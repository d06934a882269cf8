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
 * How one clock runs: the events that start, stop, pause, resume and restart it, its targets,
 * warnings and escalation levels.
 *
 * @param onsiteOnly the clock runs only for tickets that need a technician on site
 * @param requireEta complexities whose stop event counts only with an {@code etaAt}
 */
public record ClockPolicy(
        ClockType clock,
        Set<EventType> start,
        Set<EventType> stop,
        Set<EventType> pause,
        Set<EventType> resume,
        Set<EventType> restart,
        boolean onsiteOnly,
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
        requireEta = Set.copyOf(requireEta);
        targets = List.copyOf(targets);
        warnings = List.copyOf(warnings);
        escalations =
                escalations.stream().sorted(Comparator.comparingInt(Escalation::level)).toList();
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

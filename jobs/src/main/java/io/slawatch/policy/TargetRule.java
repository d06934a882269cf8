package io.slawatch.policy;

import io.slawatch.model.Channel;
import io.slawatch.model.Complexity;
import io.slawatch.model.Priority;
import java.io.Serializable;
import java.time.Duration;
import java.util.Set;

/**
 * One target line of a clock: the ticket attributes it applies to (an empty set matches any value),
 * the target in business time, and the calendar that time is counted in.
 *
 * @param line the rule's line in the policy file, so a person can find it
 */
public record TargetRule(
        Set<Channel> channels,
        Set<Priority> priorities,
        Set<Complexity> complexities,
        Duration target,
        String calendar,
        int line)
        implements Serializable {

    public TargetRule {
        channels = Set.copyOf(channels);
        priorities = Set.copyOf(priorities);
        complexities = Set.copyOf(complexities);
    }

    public boolean matches(Channel channel, Priority priority, Complexity complexity) {
        return (channels.isEmpty() || channels.contains(channel))
                && (priorities.isEmpty() || priorities.contains(priority))
                && (complexities.isEmpty() || complexities.contains(complexity));
    }

    /** How many attributes the rule names: the most specific matching rule wins. */
    public int specificity() {
        return (channels.isEmpty() ? 0 : 1)
                + (priorities.isEmpty() ? 0 : 1)
                + (complexities.isEmpty() ? 0 : 1);
    }

    /**
     * The selector as a person reads it, e.g. {@code channel=EMAIL priority=any complexity=any}.
     */
    public String selector() {
        return "channel="
                + describe(channels)
                + " priority="
                + describe(priorities)
                + " complexity="
                + describe(complexities);
    }

    private static String describe(Set<? extends Enum<?>> values) {
        return values.isEmpty()
                ? "any"
                : String.join("|", values.stream().sorted().map(Enum::name).toList());
    }
}

package io.slawatch.policy;

import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.calendar.WorkingDays;
import io.slawatch.model.Channel;
import io.slawatch.model.Complexity;
import io.slawatch.model.Priority;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * One target line of a clock: the ticket attributes it applies to (an empty set matches any value),
 * the target, and the calendar it is counted in.
 *
 * @param target business time in the calendar; null when the target is in working days
 * @param workingDays the end of this working day after the clock's start date (0 when {@code
 *     target} is set), as "within N working days" reads
 * @param line the rule's line in the policy file, so a person can find it
 */
public record TargetRule(
        Set<Channel> channels,
        Set<Priority> priorities,
        Set<Complexity> complexities,
        Duration target,
        int workingDays,
        String calendar,
        int line)
        implements Serializable {

    public TargetRule {
        channels = Set.copyOf(channels);
        priorities = Set.copyOf(priorities);
        complexities = Set.copyOf(complexities);
    }

    /** The target of a clock started at {@code start}, in business time of {@code calendar}. */
    public Duration targetFrom(Instant start, BusinessCalendar calendar) {
        if (target != null) {
            return target;
        }
        return calendar.between(start, new WorkingDays(calendar).within(start, workingDays));
    }

    /** The target as the policy writes it: {@code PT4H}, or {@code 2 working days}. */
    public String describeTarget() {
        if (target != null) {
            return target.toString();
        }
        return workingDays + (workingDays == 1 ? " working day" : " working days");
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

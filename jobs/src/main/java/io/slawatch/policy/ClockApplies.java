package io.slawatch.policy;

import io.slawatch.model.Channel;
import io.slawatch.model.Complexity;
import io.slawatch.model.Priority;
import java.io.Serializable;
import java.util.Set;

/**
 * Which tickets a clock runs for: an empty set matches any value, a null {@code onsite} any ticket.
 * A ticket whose attributes stop matching (an UPDATED) cancels the clock's open cycle; one that
 * starts matching starts a clock that CREATED starts, from then.
 */
public record ClockApplies(
        Set<Channel> channels,
        Set<Priority> priorities,
        Set<Complexity> complexities,
        Boolean onsite)
        implements Serializable {

    public static final ClockApplies ALL = new ClockApplies(Set.of(), Set.of(), Set.of(), null);

    public ClockApplies {
        channels = Set.copyOf(channels);
        priorities = Set.copyOf(priorities);
        complexities = Set.copyOf(complexities);
    }

    public boolean matches(
            Channel channel, Priority priority, Complexity complexity, boolean onsiteTicket) {
        return (channels.isEmpty() || channels.contains(channel))
                && (priorities.isEmpty() || priorities.contains(priority))
                && (complexities.isEmpty() || complexities.contains(complexity))
                && (onsite == null || onsite == onsiteTicket);
    }

    /** Whether any ticket with these target attributes can run the clock. */
    public boolean admits(Channel channel, Priority priority, Complexity complexity) {
        return matches(channel, priority, complexity, onsite == null || onsite);
    }

    /** The filter as a person reads it, e.g. {@code complexity=COMPLEX}; "every ticket" if none. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "channel", channels);
        append(text, "priority", priorities);
        append(text, "complexity", complexities);
        if (onsite != null) {
            text.append(text.isEmpty() ? "" : " ").append(onsite ? "onsite" : "not onsite");
        }
        return text.isEmpty() ? "every ticket" : text.toString();
    }

    private static void append(StringBuilder text, String name, Set<? extends Enum<?>> values) {
        if (!values.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ")
                    .append(name)
                    .append('=')
                    .append(String.join("|", values.stream().sorted().map(Enum::name).toList()));
        }
    }
}

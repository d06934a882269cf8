package io.slawatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The name of an SLA clock. RESPONSE, ARRIVAL and RESOLUTION are built in; a policy defines any
 * other (COMPLAINT_REPLY, NEXT_REPLY, …) with its own events, so a clock is a name, not an enum.
 * Ordered built-ins first, then by name, so tables list clocks the same way everywhere.
 */
public record ClockType(String name) implements Comparable<ClockType>, Serializable {

    /** What a clock's name looks like: it is an alert id's part and an Elasticsearch keyword. */
    public static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public static final ClockType RESPONSE = new ClockType("RESPONSE");
    public static final ClockType ARRIVAL = new ClockType("ARRIVAL");
    public static final ClockType RESOLUTION = new ClockType("RESOLUTION");

    /** The clocks every product of slawatch knows, in their order. */
    public static final List<ClockType> BUILT_IN = List.of(RESPONSE, ARRIVAL, RESOLUTION);

    private static final Map<String, ClockType> INTERNED = new ConcurrentHashMap<>();

    static {
        BUILT_IN.forEach(clock -> INTERNED.put(clock.name, clock));
    }

    public ClockType {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + name
                            + "' is not a clock name: upper-case letters, digits and '_', starting"
                            + " with a letter, at most 40");
        }
    }

    /** The clock of this name, one instance per name, so that state holds a reference only. */
    @JsonCreator
    public static ClockType of(String name) {
        ClockType known = INTERNED.get(name);
        return known != null ? known : INTERNED.computeIfAbsent(name, ClockType::new);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    public boolean isBuiltIn() {
        return BUILT_IN.contains(this);
    }

    @Override
    public int compareTo(ClockType other) {
        int rank = rank(this);
        int otherRank = rank(other);
        return rank != otherRank ? Integer.compare(rank, otherRank) : name.compareTo(other.name);
    }

    private static int rank(ClockType clock) {
        int index = BUILT_IN.indexOf(clock);
        return index < 0 ? BUILT_IN.size() : index;
    }

    @Override
    public String toString() {
        return name;
    }
}

package io.slawatch.simulate;

import io.slawatch.model.ClockType;
import java.util.Map;
import java.util.TreeMap;

/** What the simulator generated, to compare with what slawatch reports. */
public final class SimulationStats {

    long tickets;
    long events;
    long duplicates;
    long malformed;
    long late;
    long cancelled;
    long reopened;
    final Map<String, Long> byType = new TreeMap<>();
    final Map<String, Long> byChannel = new TreeMap<>();
    final Map<ClockType, long[]> drawn = new TreeMap<>();

    void drawnLate(ClockType clock, boolean late) {
        long[] counts = drawn.computeIfAbsent(clock, c -> new long[2]);
        counts[0]++;
        if (late) {
            counts[1]++;
        }
    }

    public long tickets() {
        return tickets;
    }

    /** A few lines for a person. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(
                String.format(
                        "simulated %d tickets, %d events (%d delivered late, beyond 3 s), %d"
                                + " duplicates, %d malformed records; %d cancelled, %d reopened%n",
                        tickets, events, late, duplicates, malformed, cancelled, reopened));
        text.append("  by channel: ").append(byChannel).append('\n');
        text.append("  by event type: ").append(byType).append('\n');
        drawn.forEach(
                (clock, counts) ->
                        text.append(
                                String.format(
                                        "  %-10s drawn later than its target: %d of %d (%.1f %%)%n",
                                        clock,
                                        counts[1],
                                        counts[0],
                                        100.0 * counts[1] / Math.max(1, counts[0]))));
        return text.toString();
    }
}

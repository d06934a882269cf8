package io.slawatch.detect;

import io.slawatch.model.ClockType;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.state.ClockState;
import io.slawatch.state.TicketState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many open clock cycles run on each calendar and each clock type, counted as tickets change,
 * so that a job restored under another policy can say exactly what its open tickets still need: an
 * open cycle keeps its calendar's name and its clock type, and takes their definitions from the
 * policy in force. One subtask's counts may go below zero after a restore (subtask 0 took the
 * totals); the sum over subtasks is always right.
 */
final class ClocksInUse {

    private static final String CALENDAR = "calendar";
    private static final String CLOCK = "clock";

    private final Map<String, Long> byCalendar = new TreeMap<>();
    private final Map<ClockType, Long> byClock = new TreeMap<>();

    /** Counts the ticket's open cycles in ({@code +1}) or out ({@code -1}). */
    void count(TicketState state, int sign) {
        for (ClockState clock : state.clocks) {
            if (clock != null && clock.status.isOpen()) {
                byCalendar.merge(clock.calendar, (long) sign, Long::sum);
                byClock.merge(clock.type, (long) sign, Long::sum);
            }
        }
    }

    /** The counts as entries for union operator state: {@code kind}, name, count. */
    List<String> entries() {
        List<String> entries = new ArrayList<>();
        byCalendar.forEach((name, count) -> entries.add(CALENDAR + '\t' + name + '\t' + count));
        byClock.forEach((type, count) -> entries.add(CLOCK + '\t' + type + '\t' + count));
        return entries;
    }

    /** Adds every subtask's entries: the totals at the last checkpoint. */
    void addAll(Iterable<String> entries) {
        for (String entry : entries) {
            String[] field = entry.split("\t");
            long count = Long.parseLong(field[2]);
            if (field[0].equals(CALENDAR)) {
                byCalendar.merge(field[1], count, Long::sum);
            } else {
                byClock.merge(ClockType.of(field[1]), count, Long::sum);
            }
        }
    }

    /**
     * Why {@code policy} cannot take these open cycles over: the calendars and clocks they run on
     * that it lacks, with how many cycles each; empty when it can.
     */
    String missingFrom(SlaPolicy policy) {
        List<String> missing = new ArrayList<>();
        byCalendar.forEach(
                (name, count) -> {
                    if (count > 0 && !policy.calendars().containsKey(name)) {
                        missing.add(count + " on calendar '" + name + "'");
                    }
                });
        byClock.forEach(
                (type, count) -> {
                    if (count > 0 && policy.clock(type) == null) {
                        missing.add(count + " on clock " + type);
                    }
                });
        return String.join(", ", missing);
    }
}

package io.slawatch.demo;

import io.slawatch.model.AlertKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The demo's one status line: the most useful figures first, each with its unit, and only as many
 * as fit the terminal's width, so that the line never wraps (a wrapped line cannot be rewritten in
 * place, and each alert would leave a stale copy of it behind).
 *
 * @param simulatedTime the simulated clock, already formatted
 * @param eventsPerSecond events produced in the last real second
 * @param watermarkLagSeconds simulated seconds event time is behind the simulated clock
 * @param freshnessSeconds simulated seconds the dashboards are behind the simulated clock: the
 *     clock minus the newest event time indexed
 * @param speed how many times faster simulated time runs
 */
record StatusLine(
        String simulatedTime,
        long eventsPerSecond,
        OptionalLong openTickets,
        OptionalLong runningClocks,
        Map<AlertKind, Long> alerts,
        OptionalDouble watermarkLagSeconds,
        OptionalDouble freshnessSeconds,
        double speed) {

    static final String SEPARATOR = " | ";

    /**
     * The figures in order of use, cut to {@code width} columns: whole figures while they fit, and
     * the first one shortened only on a terminal too narrow for it. Leaves the last column free:
     * writing into it makes some terminals wrap.
     */
    String fit(int width) {
        int room = Math.max(1, width - 1);
        StringBuilder line = new StringBuilder();
        for (String figure : figures()) {
            int needed =
                    line.length() == 0 ? figure.length() : SEPARATOR.length() + figure.length();
            if (line.length() + needed > room) {
                break;
            }
            line.append(line.length() == 0 ? "" : SEPARATOR).append(figure);
        }
        if (line.length() == 0) {
            String first = figures().get(0);
            line.append(first, 0, Math.min(first.length(), room));
        }
        return line.toString();
    }

    /** Every figure, for a log that does not wrap (piped output). */
    String whole() {
        return String.join(SEPARATOR, figures());
    }

    private List<String> figures() {
        List<String> figures = new ArrayList<>();
        figures.add("sim " + simulatedTime);
        figures.add(eventsPerSecond + " events/s");
        figures.add("open " + known(openTickets) + " tickets");
        figures.add(count(AlertKind.BREACHED) + " breached");
        figures.add("event-time lag " + seconds(watermarkLagSeconds));
        figures.add("dashboards " + seconds(freshnessSeconds) + " behind");
        figures.add(known(runningClocks) + " clocks running");
        for (AlertKind kind : List.of(AlertKind.AT_RISK, AlertKind.ESCALATED)) {
            figures.add(count(kind) + " " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        figures.add(count(AlertKind.MET_LATE) + " met late");
        figures.add(count(AlertKind.RETRACTED) + " retracted");
        return figures;
    }

    private long count(AlertKind kind) {
        return alerts.getOrDefault(kind, 0L);
    }

    private String seconds(OptionalDouble simulatedSeconds) {
        if (simulatedSeconds.isEmpty()) {
            return "…";
        }
        double simulated = simulatedSeconds.getAsDouble();
        return speed == 1
                ? String.format(Locale.ROOT, "%.0f s", simulated)
                : String.format(
                        Locale.ROOT, "%.0f s sim (%.1f s real)", simulated, simulated / speed);
    }

    private static String known(OptionalLong value) {
        return value.isPresent() ? String.valueOf(value.getAsLong()) : "…";
    }
}

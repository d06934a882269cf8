package io.slawatch.cli;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.replay.Replay;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The end-of-replay report: what went in, what came out, how fast. */
record ReplaySummary(
        Replay.Result result,
        List<Alert> alerts,
        List<ClockOutcome> outcomes,
        List<QuarantineRecord> quarantined) {

    long used() {
        return result.eventsRead() - result.duplicates() - quarantined.size();
    }

    String render() {
        StringBuilder text = new StringBuilder();
        Map<QuarantineReason, Long> byReason =
                quarantined.stream()
                        .collect(
                                Collectors.groupingBy(
                                        QuarantineRecord::reason,
                                        () -> new EnumMap<>(QuarantineReason.class),
                                        Collectors.counting()));
        text.append(
                String.format(
                        Locale.ROOT,
                        "events: %d read, %d used, %d duplicates, %d quarantined%s%n",
                        result.eventsRead(),
                        used(),
                        result.duplicates(),
                        quarantined.size(),
                        byReason.isEmpty()
                                ? ""
                                : byReason.entrySet().stream()
                                        .map(e -> e.getKey() + " " + e.getValue())
                                        .collect(Collectors.joining(", ", " (", ")"))));
        text.append("alerts: ").append(alerts.size()).append('\n');
        for (ClockType clock : new TreeSet<>(alerts.stream().map(Alert::clock).toList())) {
            Map<AlertKind, Long> byKind =
                    alerts.stream()
                            .filter(a -> a.clock().equals(clock))
                            .collect(
                                    Collectors.groupingBy(
                                            Alert::kind,
                                            () -> new EnumMap<>(AlertKind.class),
                                            Collectors.counting()));
            if (!byKind.isEmpty()) {
                text.append(String.format(Locale.ROOT, "  %-10s ", clock))
                        .append(
                                byKind.entrySet().stream()
                                        .map(e -> e.getKey() + " " + e.getValue())
                                        .collect(Collectors.joining(", ")))
                        .append('\n');
            }
        }
        text.append("outcomes: ").append(outcomes.size()).append('\n');
        for (ClockType clock : new TreeSet<>(outcomes.stream().map(ClockOutcome::clock).toList())) {
            Map<OutcomeStatus, Long> byStatus =
                    outcomes.stream()
                            .filter(o -> o.clock().equals(clock))
                            .collect(
                                    Collectors.groupingBy(
                                            ClockOutcome::status,
                                            () -> new EnumMap<>(OutcomeStatus.class),
                                            Collectors.counting()));
            if (byStatus.isEmpty()) {
                continue;
            }
            long met = byStatus.getOrDefault(OutcomeStatus.MET, 0L);
            long late = byStatus.getOrDefault(OutcomeStatus.MET_LATE, 0L);
            text.append(
                    String.format(
                            Locale.ROOT,
                            "  %-10s met %d, late %d, cancelled %d, running at the end %d, met-rate %s%n",
                            clock,
                            met,
                            late,
                            byStatus.getOrDefault(OutcomeStatus.CANCELLED, 0L),
                            byStatus.getOrDefault(OutcomeStatus.RUNNING, 0L),
                            met + late == 0
                                    ? "n/a"
                                    : String.format(
                                            Locale.ROOT, "%.1f%%", 100.0 * met / (met + late))));
        }
        if (result.expiredTickets() > 0) {
            text.append("tickets cleared at the safety horizon: ")
                    .append(result.expiredTickets())
                    .append('\n');
        }
        double seconds = Math.max(0.001, result.wallTime().toMillis() / 1000.0);
        text.append(
                String.format(
                        Locale.ROOT,
                        "wall time %.1f s, %.0f events/s%n",
                        seconds,
                        result.eventsRead() / seconds));
        return text.toString();
    }
}

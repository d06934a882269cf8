package io.slawatch.demo;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert as one readable terminal line, e.g. {@code 02:13:05 BREACHED RESPONSE T-000123 CHAT
 * URGENT target 5m overdue 12s agent a-17}.
 */
final class AlertLine {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    static final String RESET = "\u001b[0m";

    private AlertLine() {}

    /**
     * The alert in at most {@code width - 1} visible columns (colour codes take none): the time,
     * kind, clock, ticket, channel and priority always, then whole fields ("target 30s", "overdue
     * 4s", "agent a-17", …) while they fit, so that a line never wraps under the status line.
     */
    static String format(Alert alert, ZoneId zone, boolean colour, int width) {
        String kind = String.format("%-9s", alert.kind());
        StringBuilder line = new StringBuilder();
        line.append(TIME.format(alert.eventTime().atZone(zone))).append(' ');
        line.append(colour ? colour(alert.kind()) + kind + RESET : kind);
        line.append(
                String.format(
                        " %-10s %s %s %s",
                        alert.clock(),
                        alert.ticketId(),
                        alert.attributes().channel(),
                        alert.attributes().priority()));
        int visible = line.length() - (colour ? colour(alert.kind()).length() + RESET.length() : 0);
        for (String field : fields(alert)) {
            if (visible + 2 + field.length() > width - 1) {
                break;
            }
            line.append("  ").append(field);
            visible += 2 + field.length();
        }
        return line.toString();
    }

    private static List<String> fields(Alert alert) {
        List<String> fields = new ArrayList<>();
        fields.add("target " + human(alert.targetSeconds()));
        if (alert.overdueSeconds() != null) {
            fields.add("overdue " + human(alert.overdueSeconds()));
        }
        if (alert.remainingSeconds() != null) {
            fields.add("left " + human(alert.remainingSeconds()));
        }
        if (alert.probability() != null) {
            fields.add(
                    Math.round(alert.probability() * 100)
                            + "% likely, "
                            + human(alert.predictedLateSeconds())
                            + " late");
        }
        if (alert.retractsAlertId() != null) {
            fields.add("withdraws " + alert.retractsAlertId());
        }
        if (alert.attributes().agentId() != null) {
            fields.add("agent " + alert.attributes().agentId());
        }
        if (alert.attributes().techId() != null) {
            fields.add("tech " + alert.attributes().techId());
        }
        return fields;
    }

    static String colour(AlertKind kind) {
        return switch (kind) {
            case AT_RISK -> "\u001b[33m";
            case BREACHED -> "\u001b[1;31m";
            case ESCALATED -> "\u001b[1;35m";
            case MET_LATE -> "\u001b[36m";
            case RETRACTED, PREDICTION_CLEARED -> "\u001b[32m";
            case PREDICTED_BREACH -> "\u001b[1;33m";
        };
    }

    /** 45s, 5m, 1h30m, 2d3h: the largest two units. */
    static String human(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return d.toMinutes() + "m" + (d.toSecondsPart() == 0 ? "" : d.toSecondsPart() + "s");
        }
        if (seconds < 86400) {
            return d.toHours() + "h" + (d.toMinutesPart() == 0 ? "" : d.toMinutesPart() + "m");
        }
        return d.toDays() + "d" + (d.toHoursPart() == 0 ? "" : d.toHoursPart() + "h");
    }
}

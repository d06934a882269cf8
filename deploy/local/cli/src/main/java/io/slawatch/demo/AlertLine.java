package io.slawatch.demo;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * An alert as one readable terminal line, e.g. {@code 02:13:05 BREACHED RESPONSE T-000123 CHAT
 * URGENT target 5m overdue 12s agent a-17}.
 */
final class AlertLine {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    static final String RESET = "\u001b[0m";

    private AlertLine() {}

    static String format(Alert alert, ZoneId zone, boolean colour) {
        StringBuilder line = new StringBuilder();
        line.append(TIME.format(alert.eventTime().atZone(zone))).append(' ');
        String kind = String.format("%-9s", alert.kind());
        line.append(colour ? colour(alert.kind()) + kind + RESET : kind);
        line.append(
                String.format(
                        " %-10s %s %s %s",
                        alert.clock(),
                        alert.ticketId(),
                        alert.attributes().channel(),
                        alert.attributes().priority()));
        line.append("  target ").append(human(alert.targetSeconds()));
        if (alert.overdueSeconds() != null) {
            line.append("  overdue ").append(human(alert.overdueSeconds()));
        }
        if (alert.remainingSeconds() != null) {
            line.append("  left ").append(human(alert.remainingSeconds()));
        }
        if (alert.retractsAlertId() != null) {
            line.append("  withdraws ").append(alert.retractsAlertId());
        }
        if (alert.attributes().agentId() != null) {
            line.append("  agent ").append(alert.attributes().agentId());
        }
        if (alert.attributes().techId() != null) {
            line.append("  tech ").append(alert.attributes().techId());
        }
        return line.toString();
    }

    static String colour(AlertKind kind) {
        return switch (kind) {
            case AT_RISK -> "\u001b[33m";
            case BREACHED -> "\u001b[1;31m";
            case ESCALATED -> "\u001b[1;35m";
            case MET_LATE -> "\u001b[36m";
            case RETRACTED -> "\u001b[32m";
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

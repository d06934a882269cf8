package io.slawatch.notify;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.TicketAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words every receiver shows for an alert: its name, severity, summary and description. */
public final class AlertTexts {

    private AlertTexts() {}

    /** Alertmanager's {@code alertname}: {@code SlaAtRisk}, {@code SlaBreached}, … */
    public static String alertName(AlertKind kind) {
        StringBuilder name = new StringBuilder("Sla");
        for (String word : kind.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    /** warning for what may still be avoided, critical for what has already gone wrong. */
    public static String severity(AlertKind kind) {
        return kind == AlertKind.AT_RISK || kind == AlertKind.PREDICTED_BREACH
                ? "warning"
                : "critical";
    }

    /** One line: what, which ticket and clock, how far from the deadline. */
    public static String summary(Alert alert) {
        String what =
                switch (alert.kind()) {
                    case AT_RISK -> "SLA at risk";
                    case BREACHED -> "SLA breached";
                    case ESCALATED -> "SLA breach escalated to level " + alert.level();
                    case MET_LATE -> "SLA met late";
                    case RETRACTED -> "SLA breach retracted";
                    case PREDICTED_BREACH ->
                            "SLA breach predicted, "
                                    + Math.round(alert.probability() * 100)
                                    + " % likely";
                    case PREDICTION_CLEARED -> "SLA breach prediction cleared";
                };
        TicketAttributes attributes = alert.attributes();
        String context =
                attributes == null || attributes.channel() == null
                        ? ""
                        : " ("
                                + attributes.channel()
                                + (attributes.priority() == null
                                        ? ""
                                        : ", " + attributes.priority())
                                + ")";
        String distance =
                alert.kind() == AlertKind.PREDICTED_BREACH
                        ? ", " + human(alert.predictedLateSeconds()) + " late expected"
                        : alert.remainingSeconds() != null
                                ? ", " + human(alert.remainingSeconds()) + " left"
                                : alert.overdueSeconds() != null && alert.overdueSeconds() > 0
                                        ? ", " + human(alert.overdueSeconds()) + " overdue"
                                        : "";
        return what
                + ": ticket "
                + alert.ticketId()
                + " "
                + alert.clock()
                + " cycle "
                + alert.cycle()
                + context
                + distance;
    }

    /** The deadline, target, overdue time and who holds the ticket. */
    public static String description(Alert alert) {
        StringBuilder text =
                new StringBuilder("Deadline ")
                        .append(alert.deadline())
                        .append(", target ")
                        .append(human(alert.targetSeconds()));
        if (alert.overdueSeconds() != null) {
            text.append(", overdue ").append(human(alert.overdueSeconds()));
        }
        if (alert.remainingSeconds() != null) {
            text.append(", remaining ").append(human(alert.remainingSeconds()));
        }
        TicketAttributes attributes = alert.attributes();
        String holder = holder(attributes);
        text.append(holder == null ? "; no holder recorded" : "; held by " + holder);
        if (alert.predictedArrivalAt() != null) {
            text.append(", predicted arrival ")
                    .append(alert.predictedArrivalAt())
                    .append(" (")
                    .append(Math.round(alert.probability() * 100))
                    .append(" % likely after the deadline)");
        }
        if (alert.retractsAlertId() != null) {
            text.append("; withdraws ").append(alert.retractsAlertId());
        }
        return text.append('.').toString();
    }

    private static String holder(TicketAttributes attributes) {
        if (attributes == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (attributes.agentId() != null) {
            parts.add("agent " + attributes.agentId());
        }
        if (attributes.techId() != null) {
            parts.add("technician " + attributes.techId());
        }
        if (attributes.team() != null) {
            parts.add("team " + attributes.team());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** Seconds as people read them: 45 s, 12 min, 3 h 5 min, 2 d 4 h. */
    static String human(long seconds) {
        Duration duration = Duration.ofSeconds(Math.abs(seconds));
        if (duration.toMinutes() == 0) {
            return duration.toSeconds() + " s";
        }
        if (duration.toHours() == 0) {
            return duration.toMinutes() + " min";
        }
        if (duration.toDays() == 0) {
            return duration.toHours()
                    + " h"
                    + (duration.toMinutesPart() == 0
                            ? ""
                            : " " + duration.toMinutesPart() + " min");
        }
        return duration.toDays()
                + " d"
                + (duration.toHoursPart() == 0 ? "" : " " + duration.toHoursPart() + " h");
    }
}

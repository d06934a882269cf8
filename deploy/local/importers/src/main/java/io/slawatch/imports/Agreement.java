package io.slawatch.imports;

import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well a policy reproduces a log's own SLA verdicts: per incident, slawatch's RESOLUTION
 * verdict (late if any cycle was met late, met if met, none if cancelled or still running) against
 * the log's {@code made_sla}, per final priority and overall.
 */
public final class Agreement {

    /** How many of the largest disagreements of each kind are listed. */
    static final int LISTED = 5;

    /** One confusion matrix. */
    public static final class Matrix {
        long metAndMade;
        long metButMissed;
        long lateButMade;
        long lateAndMissed;
        long noVerdict;

        long compared() {
            return metAndMade + metButMissed + lateButMade + lateAndMissed;
        }

        public double rate() {
            long compared = compared();
            return compared == 0 ? Double.NaN : (double) (metAndMade + lateAndMissed) / compared;
        }
    }

    /** An incident on which slawatch and the log disagree. */
    record Disagreement(
            String ticketId, Priority priority, boolean slawatchLate, ClockOutcome outcome) {}

    private final Map<Priority, Matrix> byPriority = new EnumMap<>(Priority.class);
    private final Matrix overall = new Matrix();
    private final List<Disagreement> lateButMade = new ArrayList<>();
    private final List<Disagreement> metButMissed = new ArrayList<>();

    public static Agreement of(ImportedLog log, List<ClockOutcome> outcomes) {
        Map<String, ClockOutcome> verdicts = new HashMap<>();
        for (ClockOutcome outcome : outcomes) {
            if (!ClockType.RESOLUTION.equals(outcome.clock())) {
                continue;
            }
            ClockOutcome earlier = verdicts.get(outcome.ticketId());
            if (earlier == null || rank(outcome.status()) > rank(earlier.status())) {
                verdicts.put(outcome.ticketId(), outcome);
            }
        }
        Agreement agreement = new Agreement();
        for (Map.Entry<String, Boolean> made : log.madeSla().entrySet()) {
            Priority priority = log.finalPriority().getOrDefault(made.getKey(), Priority.NORMAL);
            Matrix matrix = agreement.byPriority.computeIfAbsent(priority, p -> new Matrix());
            ClockOutcome verdict = verdicts.get(made.getKey());
            boolean met = made.getValue();
            if (verdict == null
                    || (verdict.status() != OutcomeStatus.MET
                            && verdict.status() != OutcomeStatus.MET_LATE)) {
                matrix.noVerdict++;
                agreement.overall.noVerdict++;
                continue;
            }
            boolean late = verdict.status() == OutcomeStatus.MET_LATE;
            for (Matrix m : List.of(matrix, agreement.overall)) {
                if (!late && met) {
                    m.metAndMade++;
                } else if (!late) {
                    m.metButMissed++;
                } else if (met) {
                    m.lateButMade++;
                } else {
                    m.lateAndMissed++;
                }
            }
            if (late && met) {
                agreement.lateButMade.add(new Disagreement(made.getKey(), priority, true, verdict));
            } else if (!late && !met) {
                agreement.metButMissed.add(
                        new Disagreement(made.getKey(), priority, false, verdict));
            }
        }
        agreement.lateButMade.sort(
                Comparator.comparingLong((Disagreement d) -> -d.outcome().lateSeconds())
                        .thenComparing(Disagreement::ticketId));
        agreement.metButMissed.sort(
                Comparator.comparingLong(
                                (Disagreement d) ->
                                        d.outcome().elapsedBusinessSeconds()
                                                - d.outcome().targetSeconds())
                        .thenComparing(Disagreement::ticketId));
        return agreement;
    }

    /** A late cycle decides an incident; then a met one; cancelled and running say nothing. */
    private static int rank(OutcomeStatus status) {
        return switch (status) {
            case MET_LATE -> 3;
            case MET -> 2;
            case CANCELLED -> 1;
            case RUNNING -> 0;
        };
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        text.append(
                "agreement of slawatch's RESOLUTION verdict with the log's made_sla (per incident):\n");
        text.append(
                String.format(
                        Locale.ROOT,
                        "  %-9s %9s %11s %11s %12s %11s %10s%n",
                        "priority",
                        "met/made",
                        "met/missed",
                        "late/made",
                        "late/missed",
                        "no verdict",
                        "agreement"));
        for (Map.Entry<Priority, Matrix> row : byPriority.entrySet()) {
            line(text, row.getKey().name(), row.getValue());
        }
        line(text, "overall", overall);
        text.append("  largest disagreements, slawatch late but the log says met:\n");
        for (Disagreement d : lateButMade.subList(0, Math.min(LISTED, lateButMade.size()))) {
            text.append(
                    String.format(
                            Locale.ROOT,
                            "    %s %-8s resolved %s after opening, %s past the %s target%n",
                            d.ticketId(),
                            d.priority(),
                            human(
                                    d.outcome().elapsedBusinessSeconds()
                                            + d.outcome().pausedBusinessSeconds()),
                            human(d.outcome().lateSeconds()),
                            human(d.outcome().targetSeconds())));
        }
        text.append("  largest disagreements, slawatch met but the log says breached:\n");
        for (Disagreement d : metButMissed.subList(0, Math.min(LISTED, metButMissed.size()))) {
            text.append(
                    String.format(
                            Locale.ROOT,
                            "    %s %-8s resolved within %s of a %s target%n",
                            d.ticketId(),
                            d.priority(),
                            human(d.outcome().elapsedBusinessSeconds()),
                            human(d.outcome().targetSeconds())));
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String name, Matrix m) {
        text.append(
                String.format(
                        Locale.ROOT,
                        "  %-9s %9d %11d %11d %12d %11d %9.1f%%%n",
                        name,
                        m.metAndMade,
                        m.metButMissed,
                        m.lateButMade,
                        m.lateAndMissed,
                        m.noVerdict,
                        100 * m.rate()));
    }

    private static String human(long seconds) {
        Duration duration = Duration.ofSeconds(seconds);
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        return (days > 0 ? days + "d" : "")
                + (hours > 0 || days > 0 ? hours + "h" : "")
                + minutes
                + "m";
    }
}

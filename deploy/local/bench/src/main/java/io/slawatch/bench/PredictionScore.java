package io.slawatch.bench;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
import io.slawatch.model.OutcomeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well PREDICTED_BREACH foretold the ARRIVAL breaches of a run: precision (predicted cycles
 * that did breach), recall (breached cycles that were predicted), and the lead of the first
 * prediction over the AT_RISK warning of the cycles both predicted and breached. A predicted cycle
 * still running, unbreached, when the input ends has no verdict yet: it counts neither way ({@code
 * undecided}).
 */
record PredictionScore(
        int predicted, int breached, int foretold, int undecided, List<Duration> leadsOverWarning) {

    static PredictionScore of(List<Alert> alerts, List<ClockOutcome> outcomes) {
        Set<String> running = new HashSet<>();
        for (ClockOutcome outcome : outcomes) {
            if (ClockType.ARRIVAL.equals(outcome.clock())
                    && outcome.status() == OutcomeStatus.RUNNING) {
                running.add(outcome.ticketId() + ":" + outcome.cycle());
            }
        }
        Map<String, Alert> firstPrediction = new HashMap<>();
        Map<String, Alert> warning = new HashMap<>();
        Set<String> breached = new HashSet<>();
        Set<String> retracted = new HashSet<>();
        for (Alert alert : alerts) {
            if (!ClockType.ARRIVAL.equals(alert.clock())) {
                continue;
            }
            String cycle = alert.ticketId() + ":" + alert.cycle();
            switch (alert.kind()) {
                case PREDICTED_BREACH ->
                        firstPrediction.merge(cycle, alert, PredictionScore::earlier);
                case AT_RISK -> {
                    if (alert.level() == 1) {
                        warning.put(cycle, alert);
                    }
                }
                case BREACHED -> breached.add(cycle);
                case RETRACTED -> {
                    if (alert.retractsAlertId().contains(":" + AlertKind.BREACHED + ":")) {
                        retracted.add(cycle);
                    }
                }
                default -> {}
            }
        }
        breached.removeAll(retracted);
        running.removeAll(breached);
        int undecided = 0;
        for (String cycle : firstPrediction.keySet()) {
            if (running.contains(cycle)) {
                undecided++;
            }
        }
        List<Duration> leads = new ArrayList<>();
        int foretold = 0;
        for (String cycle : breached) {
            Alert prediction = firstPrediction.get(cycle);
            if (prediction != null) {
                foretold++;
                Alert atRisk = warning.get(cycle);
                if (atRisk != null) {
                    leads.add(Duration.between(prediction.eventTime(), atRisk.eventTime()));
                }
            }
        }
        leads.sort(null);
        return new PredictionScore(
                firstPrediction.size() - undecided, breached.size(), foretold, undecided, leads);
    }

    double precision() {
        return predicted == 0 ? 0 : (double) foretold / predicted;
    }

    double recall() {
        return breached == 0 ? 0 : (double) foretold / breached;
    }

    /** The median lead over the warning; negative when predictions come after it. */
    Duration medianLead() {
        return leadsOverWarning.isEmpty()
                ? Duration.ZERO
                : leadsOverWarning.get(leadsOverWarning.size() / 2);
    }

    private static Alert earlier(Alert a, Alert b) {
        return a.eventTime().isAfter(b.eventTime()) ? b : a;
    }
}

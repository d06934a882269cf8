package io.slawatch.report;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.LedgerEntry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a report is computed from: the detection job's alerts and clock outcomes (a replay's, or
 * what the live pipeline indexed) and the consequences ledger.
 */
public record ReportData(
        List<Alert> alerts, List<ClockOutcome> outcomes, List<LedgerEntry> ledger) {

    public ReportData {
        alerts = List.copyOf(alerts);
        outcomes = List.copyOf(outcomes);
        ledger = List.copyOf(ledger);
    }

    /**
     * The newest event time the data knows: an action due after it may still be carried out, a
     * clock still running then is not decided.
     */
    public Instant asOf() {
        return Stream.of(
                        alerts.stream().map(Alert::eventTime),
                        outcomes.stream().map(ClockOutcome::endedAt),
                        ledger.stream().map(LedgerEntry::at))
                .flatMap(s -> s)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }
}

package io.slawatch.cli;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.LedgerEntry;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.replay.Replay;
import io.slawatch.report.ReportData;
import io.slawatch.time.EventTime;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What replay makes of events, read back: for the commands that compute from its outputs. */
final class ReplayedData {

    private ReplayedData() {}

    /**
     * Replays {@code events} under {@code policy} in a temporary directory, with its consequences
     * when {@code consequences} (reviews applied), and returns alerts, outcomes and ledger.
     */
    static ReportData of(
            List<Path> events,
            SlaPolicy policy,
            boolean consequences,
            List<Path> reviews,
            String command,
            PrintWriter err)
            throws Exception {
        Path dir = Files.createTempDirectory("slawatch-" + command + "-");
        try {
            Path ledger = consequences ? dir.resolve("ledger.jsonl") : null;
            Replay.run(
                    new Replay.Options(
                            events,
                            policy,
                            dir.resolve("alerts.jsonl"),
                            dir.resolve("outcomes.jsonl"),
                            dir.resolve("quarantine.jsonl"),
                            1,
                            EventTime.DEFAULT_OUT_OF_ORDERNESS,
                            consequences ? reviews : List.of(),
                            ledger),
                    read -> {
                        err.println(
                                command + " " + policy.version() + ": " + read + " events read…");
                        err.flush();
                    });
            return new ReportData(
                    Replay.read(dir.resolve("alerts.jsonl"), Alert.class),
                    Replay.read(dir.resolve("outcomes.jsonl"), ClockOutcome.class),
                    consequences ? Replay.read(ledger, LedgerEntry.class) : List.of());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }
}

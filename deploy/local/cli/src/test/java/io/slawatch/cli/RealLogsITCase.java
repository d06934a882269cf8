package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testkit.Checkout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay of the two public ticket logs in data/, end to end through the CLI. */
class RealLogsITCase {

    static final Path ROOT = Checkout.ROOT;
    static final Path DATA = ROOT.resolve("data");
    static final String SERVICENOW = DATA.resolve("incident_event_log.csv.gz").toString();
    static final String HELPDESK = DATA.resolve("helpdesk_event_log.csv.gz").toString();
    static final String SERVICENOW_POLICY =
            ROOT.resolve("deploy/policies/servicenow-incidents.yaml").toString();
    static final String HELPDESK_POLICY = ROOT.resolve("deploy/policies/helpdesk.yaml").toString();
    static final Path EXCERPT = Checkout.resolve("data/excerpts/servicenow-excerpt.csv");

    @TempDir Path temp;

    static List<String> summary(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().lines().filter(line -> !line.startsWith("wall time")).toList();
    }

    @Test
    void shouldReplayTheExcerptIntoExactOutcomes() throws Exception {
        Path outcomes = temp.resolve("outcomes.jsonl");

        CliRun run =
                CliRun.run(
                        "",
                        "replay",
                        "--format",
                        "servicenow-csv",
                        "--input",
                        EXCERPT.toString(),
                        "--policy",
                        SERVICENOW_POLICY,
                        "--outcomes",
                        outcomes.toString());

        assertThat(summary(run))
                .startsWith(
                        "servicenow-csv: 45 rows, 7 tickets, 37 events, 2 rows quarantined (BAD_VALUE 2)");
        assertThat(Files.readAllLines(outcomes).stream().map(RealLogsITCase::outcome))
                .containsExactly(
                        "INC0000045:RESOLUTION:1 MET elapsed=27420 late=0",
                        "INC0000045:RESPONSE:1 CANCELLED elapsed=470640 late=0",
                        "INC0000047:RESOLUTION:1 MET elapsed=105120 late=0",
                        "INC0000047:RESPONSE:1 MET elapsed=1020 late=0",
                        "INC0000062:RESOLUTION:1 MET_LATE elapsed=31980 late=3180",
                        "INC0000062:RESPONSE:1 CANCELLED elapsed=464520 late=0",
                        "INC0000093:RESOLUTION:1 MET elapsed=0 late=0",
                        "INC0000093:RESPONSE:1 CANCELLED elapsed=435840 late=0",
                        "INC0000715:RESOLUTION:1 MET elapsed=156780 late=0",
                        "INC0000715:RESPONSE:1 MET elapsed=4020 late=0",
                        "INC0000877:RESOLUTION:1 MET elapsed=57960 late=0",
                        "INC0000877:RESPONSE:1 MET elapsed=900 late=0",
                        "INC0000715:RESOLUTION:2 MET_LATE elapsed=516840 late=189240",
                        "INC0000715:RESOLUTION:3 MET elapsed=10140 late=0",
                        "INC0028089:RESOLUTION:1 MET_LATE elapsed=3160440 late=2832840",
                        "INC0028089:RESPONSE:1 MET elapsed=0 late=0");
    }

    @Test
    void shouldReplayTheWholeServiceNowLogDeterministicallyAndReportAgreement() throws Exception {
        Path first = Files.createDirectories(temp.resolve("first"));
        Path second = Files.createDirectories(temp.resolve("second"));

        CliRun one =
                CliRun.run(
                        "",
                        "replay",
                        "--format",
                        "servicenow-csv",
                        "--input",
                        SERVICENOW,
                        "--policy",
                        SERVICENOW_POLICY,
                        "--compare",
                        "made_sla",
                        "--parallelism",
                        "1",
                        "--alerts",
                        first.resolve("alerts.jsonl").toString(),
                        "--outcomes",
                        first.resolve("outcomes.jsonl").toString());
        CliRun two =
                CliRun.run(
                        "",
                        "replay",
                        "--format",
                        "servicenow-csv",
                        "--input",
                        SERVICENOW,
                        "--policy",
                        SERVICENOW_POLICY,
                        "--parallelism",
                        "2",
                        "--alerts",
                        second.resolve("alerts.jsonl").toString(),
                        "--outcomes",
                        second.resolve("outcomes.jsonl").toString());

        List<String> summary = summary(one);
        assertThat(summary.subList(0, 2))
                .containsExactly(
                        "servicenow-csv: 141712 rows, 24918 tickets, 145146 events, 5 rows quarantined (BAD_VALUE 5)",
                        "events: 145146 read, 145146 used, 0 duplicates, 0 quarantined");
        assertThat(summary)
                .contains(
                        "  overall       15291        1947         499         7168          13      90.2%");
        assertThat(summary(two)).isEqualTo(summary.subList(0, summary(two).size()));
        assertThat(Files.readAllLines(second.resolve("alerts.jsonl")))
                .isEqualTo(Files.readAllLines(first.resolve("alerts.jsonl")));
        assertThat(Files.readAllLines(second.resolve("outcomes.jsonl")))
                .isEqualTo(Files.readAllLines(first.resolve("outcomes.jsonl")));
    }

    @Test
    void shouldReplayTheWholeHelpdeskLog() {
        CliRun run =
                CliRun.run(
                        "",
                        "replay",
                        "--format",
                        "helpdesk-csv",
                        "--input",
                        HELPDESK,
                        "--policy",
                        HELPDESK_POLICY);

        assertThat(summary(run).subList(0, 2))
                .containsExactly(
                        "helpdesk-csv: 21348 rows, 4580 tickets, 20231 events, 0 rows quarantined",
                        "events: 20231 read, 20229 used, 0 duplicates, 2 quarantined (ORPHAN 2)");
    }

    static String outcome(String json) {
        try {
            var o = io.slawatch.serde.Json.mapper().readTree(json);
            return o.get("outcomeId").asText()
                    + " "
                    + o.get("status").asText()
                    + " elapsed="
                    + o.get("elapsedBusinessSeconds").asLong()
                    + " late="
                    + o.get("lateSeconds").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

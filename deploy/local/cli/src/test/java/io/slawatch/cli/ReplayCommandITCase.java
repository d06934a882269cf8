package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.serde.Json;
import io.slawatch.testkit.Checkout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandITCase {

    static final Path ROOT = Checkout.ROOT;
    static final String SAMPLE =
            ROOT.resolve("schemas/examples/streams/sample-tickets.jsonl").toString();
    static final String POLICY = ROOT.resolve("deploy/policies/default.yaml").toString();
    static final String REVIEWS =
            ROOT.resolve("jobs/src/test/resources/streams/sample-reviews.jsonl").toString();

    @TempDir Path temp;

    @Test
    void shouldReplayTheSampleAndPrintTheSummary() throws Exception {
        Path alerts = temp.resolve("out/alerts.jsonl");

        CliRun run =
                CliRun.run(
                        "",
                        "replay",
                        "--input",
                        SAMPLE,
                        "--policy",
                        POLICY,
                        "--parallelism",
                        "2",
                        "--alerts",
                        alerts.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList().subList(0, 12))
                .containsExactly(
                        "events: 177 read, 170 used, 1 duplicates, 6 quarantined (MALFORMED_JSON 1, UNKNOWN_TYPE 1, BAD_TIMESTAMP 1, FUTURE_TIMESTAMP 1, ORPHAN 2)",
                        "alerts: 68",
                        "  RESPONSE   AT_RISK 17, BREACHED 8, ESCALATED 5, MET_LATE 6, RETRACTED 2",
                        "  ARRIVAL    AT_RISK 4, BREACHED 3, ESCALATED 2, MET_LATE 3",
                        "  RESOLUTION AT_RISK 4, BREACHED 4, MET_LATE 4",
                        "  PERIODIC_UPDATE AT_RISK 2, BREACHED 2, MET_LATE 2",
                        "outcomes: 94",
                        "  RESPONSE   met 33, late 6, cancelled 1, running at the end 1, met-rate 84.6%",
                        "  ARRIVAL    met 4, late 3, cancelled 2, running at the end 0, met-rate 57.1%",
                        "  RESOLUTION met 36, late 4, cancelled 1, running at the end 1, met-rate 90.0%",
                        "  PERIODIC_UPDATE met 0, late 2, cancelled 0, running at the end 0, met-rate 0.0%",
                        run.out().lines().toList().get(11));
        assertThat(run.out().lines().toList().get(11))
                .matches("wall time \\d+\\.\\d s, \\d+ events/s");
        assertThat(Files.readAllLines(alerts)).hasSize(68);
    }

    @Test
    void shouldRefuseABadPolicyBeforeAnyWork() throws Exception {
        Path broken = temp.resolve("broken.yaml");
        Files.writeString(
                broken, Files.readString(Path.of(POLICY)).replace("extend: 20%", "extend: 60%"));

        CliRun run = CliRun.run("", "replay", "--input", SAMPLE, "--policy", broken.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(broken + ": the policy cannot be used\n  " + broken + ":");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldRunEachTicketOnTheVersionInForceAtItsCreation() throws Exception {
        Path phone60 = temp.resolve("phone-60s.yaml");
        Files.writeString(
                phone60,
                Files.readString(Path.of(POLICY))
                        .replace("version: \"2026.11-1\"", "version: \"2026.12-1\"")
                        .replace(
                                "{channel: PHONE, target: PT30S}",
                                "{channel: PHONE, target: PT60S}")
                        .replace("    pointsPerBreach: 2\n", "    pointsPerBreach: 7\n"));
        Path versions = temp.resolve("versions.jsonl");
        CliRun published =
                CliRun.run(
                        "",
                        "policy",
                        "publish",
                        phone60.toString(),
                        "--effective-from",
                        "2026-11-16T08:59:00+08:00",
                        "--append-to",
                        versions.toString());
        assertThat(published.exitCode()).as(published.err()).isZero();
        assertThat(published.out())
                .isEqualTo(
                        "policy version 2026.12-1 published to "
                                + versions
                                + ", in force for tickets created from 2026-11-16T00:59:00Z\n");

        Path changed = temp.resolve("phone-90s.yaml");
        Files.writeString(changed, Files.readString(phone60).replace("PT60S}", "PT90S}"));
        CliRun refused =
                CliRun.run(
                        "",
                        "policy",
                        "publish",
                        changed.toString(),
                        "--append-to",
                        versions.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .isEqualTo(
                        "phone-90s.yaml:1:1: version '2026.12-1' was published before with other"
                                + " content (phone-60s.yaml) (fix: a published version never"
                                + " changes: give the changed policy a new 'version')\n");

        Path outcomes = temp.resolve("outcomes.jsonl");
        Path ledger = temp.resolve("ledger.jsonl");
        // The sample's reviews confirm breaches of tickets on 2026.11-1; S-0034 runs on 2026.12-1.
        Path reviews = temp.resolve("reviews.jsonl");
        Files.writeString(
                reviews,
                Files.readString(Path.of(REVIEWS))
                        + "{\"reviewId\":\"R-34\",\"alertId\":\"S-0034:ARRIVAL:1:BREACHED:1\","
                        + "\"decision\":\"CONFIRM\",\"reviewer\":\"sup-1\",\"reason\":\"late\","
                        + "\"decidedAt\":\"2026-11-16T12:00:00+08:00\"}\n");
        CliRun run =
                CliRun.run(
                        "",
                        "replay",
                        "--input",
                        SAMPLE,
                        "--policy",
                        POLICY,
                        "--policies",
                        versions.toString(),
                        "--outcomes",
                        outcomes.toString(),
                        "--reviews",
                        reviews.toString(),
                        "--actions",
                        ledger.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        // S-0023, created at 00:58, keeps 30 s and answered late; S-0024 (00:59) and S-0026
        // (01:02, answered in 28 s: late under 30 s) run on 60 s.
        assertThat(
                        Files.readAllLines(outcomes).stream()
                                .map(ReplayCommandITCase::json)
                                .filter(o -> o.get("clock").asText().equals("RESPONSE"))
                                .filter(
                                        o ->
                                                List.of("S-0023", "S-0024", "S-0026")
                                                        .contains(o.get("ticketId").asText()))
                                .map(
                                        o ->
                                                o.get("ticketId").asText()
                                                        + " "
                                                        + o.get("policyVersion").asText()
                                                        + " "
                                                        + o.get("status").asText()
                                                        + " "
                                                        + o.get("deadline").asText())
                                .sorted()
                                .toList())
                .containsExactly(
                        "S-0023 2026.11-1 MET_LATE 2026-11-16T00:58:30Z",
                        "S-0024 2026.12-1 MET 2026-11-16T01:00:00Z",
                        "S-0026 2026.12-1 MET 2026-11-16T01:03:00Z");
        // Each confirmed breach costs its agent the points of its ticket's version.
        assertThat(
                        Files.readAllLines(ledger).stream()
                                .map(ReplayCommandITCase::json)
                                .filter(e -> e.get("kind").asText().equals("POINTS"))
                                .filter(e -> e.get("subjectType").asText().equals("AGENT"))
                                .map(
                                        e ->
                                                e.get("ticketId").asText()
                                                        + " "
                                                        + e.get("policyVersion").asText()
                                                        + " "
                                                        + e.get("points").asInt())
                                .sorted()
                                .toList())
                .containsExactly(
                        "S-0010 2026.11-1 -2",
                        "S-0011 2026.11-1 -2",
                        "S-0022 2026.11-1 -2",
                        "S-0034 2026.12-1 -7");
    }

    private static JsonNode json(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testkit.Checkout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandITCase {

    static final Path ROOT = Checkout.ROOT;
    static final String SAMPLE =
            ROOT.resolve("schemas/examples/streams/sample-tickets.jsonl").toString();
    static final String POLICY = ROOT.resolve("deploy/policies/default.yaml").toString();

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
        assertThat(run.out().lines().toList().subList(0, 10))
                .containsExactly(
                        "events: 177 read, 170 used, 1 duplicates, 6 quarantined (MALFORMED_JSON 1, UNKNOWN_TYPE 1, BAD_TIMESTAMP 1, FUTURE_TIMESTAMP 1, ORPHAN 2)",
                        "alerts: 62",
                        "  RESPONSE   AT_RISK 17, BREACHED 8, ESCALATED 5, MET_LATE 6, RETRACTED 2",
                        "  ARRIVAL    AT_RISK 4, BREACHED 3, ESCALATED 2, MET_LATE 3",
                        "  RESOLUTION AT_RISK 4, BREACHED 4, MET_LATE 4",
                        "outcomes: 92",
                        "  RESPONSE   met 33, late 6, cancelled 1, running at the end 1, met-rate 84.6%",
                        "  ARRIVAL    met 4, late 3, cancelled 2, running at the end 0, met-rate 57.1%",
                        "  RESOLUTION met 36, late 4, cancelled 1, running at the end 1, met-rate 90.0%",
                        run.out().lines().toList().get(9));
        assertThat(run.out().lines().toList().get(9))
                .matches("wall time \\d+\\.\\d s, \\d+ events/s");
        assertThat(Files.readAllLines(alerts)).hasSize(62);
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
}

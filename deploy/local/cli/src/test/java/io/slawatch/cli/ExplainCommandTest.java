package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testkit.Checkout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    static final Path ROOT = Checkout.ROOT;
    static final String SAMPLE =
            ROOT.resolve("schemas/examples/streams/sample-tickets.jsonl").toString();
    static final String POLICY = ROOT.resolve("deploy/policies/default.yaml").toString();

    @Test
    void shouldTellTheStoryOfABreachRetractedByALateResponse() throws Exception {
        CliRun run =
                CliRun.run(
                        "", "explain", "--input", SAMPLE, "--policy", POLICY, "--ticket", "S-0026");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        "ticket S-0026 under policy 2026.11-1 ("
                                + POLICY
                                + "), times in Asia/Shanghai",
                        "2026-11-16 09:02:00 +08:00  CREATED: channel PHONE, priority NORMAL, complexity STANDARD, policy 2026.11-1",
                        "2026-11-16 09:02:00 +08:00  RESPONSE cycle 1 starts: target PT30S (policy line "
                                + policyLine("{channel: PHONE")
                                + " for PHONE/NORMAL/STANDARD), calendar 24x7 (Asia/Shanghai, always open); AT_RISK 1 at 2026-11-16T01:02:22Z; deadline at 2026-11-16T01:02:30Z; ESCALATED 2 at 2026-11-16T01:03:00Z",
                        "2026-11-16 09:02:00 +08:00  RESOLUTION cycle 1 starts: target PT24H (policy line "
                                + policyLine("{complexity: STANDARD")
                                + " for PHONE/NORMAL/STANDARD), calendar 24x7 (Asia/Shanghai, always open); AT_RISK 1 at 2026-11-17T00:02:00Z; deadline at 2026-11-17T01:02:00Z; ESCALATED 2 at 2026-11-18T01:02:00Z",
                        "2026-11-16 09:02:22 +08:00  ALERT AT_RISK RESPONSE level 1, PT8S left [S-0026:RESPONSE:1:AT_RISK:1]",
                        "2026-11-16 09:02:30 +08:00  ALERT BREACHED RESPONSE level 1, overdue PT0S [S-0026:RESPONSE:1:BREACHED:1]",
                        "2026-11-16 09:03:00 +08:00  ALERT ESCALATED RESPONSE level 2, overdue PT30S [S-0026:RESPONSE:1:ESCALATED:2]",
                        "2026-11-16 09:02:28 +08:00  late stop before the deadline: S-0026:RESPONSE:1:BREACHED:1 is retracted",
                        "2026-11-16 09:02:28 +08:00  ALERT RETRACTED RESPONSE level 1, withdraws S-0026:RESPONSE:1:BREACHED:1 [S-0026:RESPONSE:1:RETRACTED:1]",
                        "2026-11-16 09:02:28 +08:00  late stop before the deadline: S-0026:RESPONSE:1:ESCALATED:2 is retracted",
                        "2026-11-16 09:02:28 +08:00  ALERT RETRACTED RESPONSE level 2, withdraws S-0026:RESPONSE:1:ESCALATED:2 [S-0026:RESPONSE:1:RETRACTED:2]",
                        "2026-11-16 09:02:28 +08:00  RESPONSE met: PT28S of PT30S business time used",
                        "2026-11-16 09:02:28 +08:00  OUTCOME RESPONSE cycle 1: MET, PT28S of PT30S business time",
                        "2026-11-16 11:02:00 +08:00  RESOLUTION met: PT2H of PT24H business time used",
                        "2026-11-16 11:02:00 +08:00  OUTCOME RESOLUTION cycle 1: MET, PT2H of PT24H business time",
                        "                            consequences (policy 2026.11-1):",
                        "2026-11-16 09:02:30 +08:00  LEDGER VERIFICATION_REQUESTED CASE S-0026:RESPONSE:1:BREACHED:1: due 2026-11-18 18:00; RESPONSE deadline 2026-11-16T01:02:30Z passed [S-0026:RESPONSE:1:BREACHED:1:VERIFICATION_REQUESTED]",
                        "2026-11-16 09:02:30 +08:00  LEDGER RETRACTED CASE S-0026:RESPONSE:1:BREACHED:1: the clock stopped in time; the breach alert was retracted [S-0026:RESPONSE:1:BREACHED:1:RETRACTED]");
    }

    @Test
    void shouldShowTheTicketsQuarantinedLinesAndOrphans() {
        CliRun run =
                CliRun.run(
                        "", "explain", "--input", SAMPLE, "--policy", POLICY, "--ticket", "S-9999");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        "ticket S-9999 under policy 2026.11-1 ("
                                + POLICY
                                + "), times in Asia/Shanghai",
                        "2026-11-16 09:10:00 +08:00  RESPONDED came before the ticket's CREATED: held until it comes",
                        "2026-11-16 09:30:00 +08:00  RESOLVED came before the ticket's CREATED: held until it comes",
                        "2026-11-16 09:10:00 +08:00  QUARANTINED RESPONDED (ORPHAN): no CREATED for ticket S-9999 within PT1H",
                        "2026-11-16 09:30:00 +08:00  QUARANTINED RESOLVED (ORPHAN): no CREATED for ticket S-9999 within PT1H",
                        "                            no consequences: no breach of a clock with consequences");
    }

    @Test
    void shouldSayWhenTheTicketIsNotInTheInput() {
        CliRun run =
                CliRun.run(
                        "", "explain", "--input", SAMPLE, "--policy", POLICY, "--ticket", "NOPE");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).endsWith("no event of ticket NOPE in the input\n");
    }

    @Test
    void shouldRefuseAnUnreadableInputBeforeAnyWork() {
        CliRun run =
                CliRun.run(
                        "",
                        "explain",
                        "--input",
                        "missing.jsonl",
                        "--policy",
                        POLICY,
                        "--ticket",
                        "S-0001");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("cannot read input missing.jsonl: no such readable file\n");
    }

    static int policyLine(String fragment) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(POLICY));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(fragment);
    }
}

package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testkit.Checkout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-computed month of {@link ReportCommandITCase} under the default policy (A) and under the
 * same policy with PHONE responses due in 60 s instead of 30 s (B). Worked out by hand: of the
 * seven PHONE NORMAL responses (20, 20, 90, 50, 10, 10, 10 s), A breaches M-02 (90 s, escalated at
 * twice the target) and M-06 (50 s); B only M-02 (30 s late, no escalation before 120 s). M-06's
 * confirmed breach and its consequences (2 agent points, 1 department point, a tier-1 coupon) go.
 */
class WhatIfCommandITCase {

    static final Path DEFAULT_POLICY = Checkout.resolve("deploy/policies/default.yaml");

    @TempDir static Path temp;
    static CliRun run;
    static Path out;

    @BeforeAll
    static void compare() throws Exception {
        Path phoneInAMinute = temp.resolve("phone-60s.yaml");
        Files.writeString(
                phoneInAMinute,
                Files.readString(DEFAULT_POLICY)
                        .replace(
                                "{channel: PHONE, target: PT30S}",
                                "{channel: PHONE, target: PT60S}")
                        .replace("version: \"2026.11-1\"", "version: \"phone-60s\""));
        out = temp.resolve("whatif");
        run =
                CliRun.run(
                        "",
                        "whatif",
                        "--input",
                        ReportCommandITCase.EVENTS.toString(),
                        "--reviews",
                        ReportCommandITCase.REVIEWS.toString(),
                        "--policy",
                        DEFAULT_POLICY.toString(),
                        "--policy",
                        phoneInAMinute.toString(),
                        "--out",
                        out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void shouldCompareEachClockChannelAndPriorityUnderBothPolicies() throws Exception {
        assertThat(csv("comparison.csv").lines())
                .contains(
                        "RESPONSE,PHONE,NORMAL,5,2,0.7143,2,1,6,1,0.8571,1,0",
                        "RESPONSE,CHAT,NORMAL,1,1,0.5,1,0,1,1,0.5,1,0",
                        "ARRIVAL,CHAT,URGENT,0,1,0.0,1,0,0,1,0.0,1,0");
        assertThat(run.out().lines())
                .anyMatch(
                        line ->
                                line.startsWith("RESPONSE   PHONE  NORMAL   |  71.4 %     2     1")
                                        && line.contains("|  85.7 %     1     0"));
    }

    @Test
    void shouldListTheOneVerdictThatChangesWithItsReason() throws Exception {
        assertThat(csv("changes.csv"))
                .isEqualTo(
                        """
                        ticket_id,clock,cycle,channel,priority,verdict_a,verdict_b,target_seconds_a,target_seconds_b,late_seconds_a,late_seconds_b,reason
                        M-06,RESPONSE,1,PHONE,NORMAL,BREACHED,MET,30,60,20,0,"RESPONSE (PHONE, NORMAL): target 30s → 1m 00s, stopped after 50s: 20s late under A, met under B"
                        """);
        assertThat(run.out())
                .contains(
                        "1 clocks change verdict:\n"
                                + "  M-06 RESPONSE (PHONE, NORMAL): target 30s → 1m 00s, stopped"
                                + " after 50s: 20s late under A, met under B\n");
    }

    @Test
    void shouldCountTheConsequencesThatGoWithTheBreach() throws Exception {
        assertThat(csv("consequences.csv"))
                .isEqualTo(
                        """
                        figure,a,b
                        agent_points_lost,10,8
                        department_points_lost,5,4
                        tickets_compensated_tier_1,5,4
                        """);
    }

    private static String csv(String name) throws Exception {
        return Files.readString(out.resolve(name), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}

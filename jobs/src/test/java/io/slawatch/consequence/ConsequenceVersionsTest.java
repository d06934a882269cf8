package io.slawatch.consequence;

import static io.slawatch.consequence.Breaches.AGENT;
import static io.slawatch.consequence.Breaches.DEFAULT_POLICY;
import static io.slawatch.consequence.Breaches.FRIDAY_1800;
import static io.slawatch.consequence.Breaches.WEDNESDAY_1005;
import static io.slawatch.consequence.Breaches.at;
import static io.slawatch.consequence.Breaches.breached;
import static io.slawatch.consequence.Breaches.confirmedOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockType;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.testkit.Checkout;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

/**
 * Each breach follows the consequences of the policy version its ticket ran on, as its targets do:
 * a stricter version published later applies to the tickets created under it only.
 */
class ConsequenceVersionsTest {

    static final String STRICT = "2026.11-strict";
    static final String LENIENT = "2026.11-no-consequences";

    /** When both versions took effect: before every breach of these scenarios. */
    static final Instant MONDAY_0000 = at("2026-11-23T00:00:00+08:00");

    static final Instant THURSDAY_1800 = at("2026-11-26T18:00:00+08:00");

    /** T-1 ran on the default policy, T-2 on {@link #STRICT}; both breached at Wednesday 10:05. */
    static final Alert DEFAULT_BREACH = breached("T-1", ClockType.RESPONSE, WEDNESDAY_1005);

    static final Alert STRICT_BREACH = breached("T-2", ClockType.RESPONSE, WEDNESDAY_1005, STRICT);

    /**
     * The default policy as {@link #STRICT}: verified within 1 working day and waived when nobody
     * decides, 5 points per breach, the month's 2nd breach suspends.
     */
    static PolicyVersion strict() throws Exception {
        return defaultPolicyAs(
                STRICT,
                text ->
                        text.replace(
                                        "verification: {within: 2, whenUndecided: CONFIRM}",
                                        "verification: {within: 1, whenUndecided: WAIVE}")
                                .replace("    pointsPerBreach: 2\n", "    pointsPerBreach: 5\n")
                                .replace("    suspendAt: 3 ", "    suspendAt: 2 "));
    }

    /** The default policy as {@link #LENIENT}: no consequences section. */
    static PolicyVersion lenient() throws Exception {
        return defaultPolicyAs(
                LENIENT,
                text ->
                        text.substring(0, text.indexOf("consequences:"))
                                + text.substring(text.indexOf("# Arrival breaches predicted")));
    }

    private static PolicyVersion defaultPolicyAs(String version, UnaryOperator<String> change)
            throws Exception {
        String text =
                change.apply(
                        Files.readString(Checkout.resolve("deploy/policies/default.yaml"))
                                .replace(
                                        "version: \"" + DEFAULT_POLICY.version() + "\"",
                                        "version: \"" + version + "\""));
        PolicyVersion published = new PolicyVersion(version, MONDAY_0000, version + ".yaml", text);
        assertThat(published.load().version()).isEqualTo(version);
        return published;
    }

    @Test
    void shouldVerifyEachBreachByTheRulesOfTheVersionItsTicketRanOn() throws Exception {
        try (LedgerHarness<CaseInput> cases = LedgerHarness.cases(DEFAULT_POLICY)) {
            cases.publish(strict())
                    .send(CaseInput.of(DEFAULT_BREACH), WEDNESDAY_1005)
                    .send(CaseInput.of(STRICT_BREACH), WEDNESDAY_1005)
                    .watermark(FRIDAY_1800);

            assertThat(cases.lines())
                    .containsExactly(
                            "T-1:RESPONSE:1:BREACHED:1:VERIFICATION_REQUESTED VERIFICATION_REQUESTED"
                                    + " CASE:T-1:RESPONSE:1:BREACHED:1 @Wed 11-25 10:05"
                                    + " due=Fri 11-27 18:00",
                            "T-2:RESPONSE:1:BREACHED:1:VERIFICATION_REQUESTED VERIFICATION_REQUESTED"
                                    + " CASE:T-2:RESPONSE:1:BREACHED:1 @Wed 11-25 10:05"
                                    + " due=Thu 11-26 18:00",
                            "T-2:RESPONSE:1:BREACHED:1:WAIVED WAIVED"
                                    + " CASE:T-2:RESPONSE:1:BREACHED:1 @Thu 11-26 18:00",
                            "T-1:RESPONSE:1:BREACHED:1:CONFIRMED CONFIRMED"
                                    + " CASE:T-1:RESPONSE:1:BREACHED:1 @Fri 11-27 18:00",
                            "T-1:RESPONSE:1:BREACHED:1:APOLOGY APOLOGY CUSTOMER:c-1"
                                    + " @Fri 11-27 18:00 due=Wed 12-02 18:00");
            assertThat(cases.entries())
                    .extracting(e -> e.ticketId() + " " + e.policyVersion())
                    .containsExactly(
                            "T-1 " + DEFAULT_POLICY.version(),
                            "T-2 " + STRICT,
                            "T-2 " + STRICT,
                            "T-1 " + DEFAULT_POLICY.version(),
                            "T-1 " + DEFAULT_POLICY.version());
        }
    }

    @Test
    void shouldOpenNoCaseForABreachOfAVersionWithoutConsequences() throws Exception {
        try (LedgerHarness<CaseInput> cases = LedgerHarness.cases(DEFAULT_POLICY)) {
            cases.publish(lenient())
                    .send(
                            CaseInput.of(
                                    breached("T-3", ClockType.RESPONSE, WEDNESDAY_1005, LENIENT)),
                            WEDNESDAY_1005)
                    .watermark(FRIDAY_1800);

            assertThat(cases.entries()).isEmpty();
            assertThat(cases.timers()).isZero();
            assertThat(cases.stateEntries()).isZero();
        }
    }

    @Test
    void shouldDeductPointsAndSuspendByTheVersionOfTheBreachThatMakesTheCount() throws Exception {
        String month = "2026-11";
        try (LedgerHarness<Verdict> agents = LedgerHarness.agents(DEFAULT_POLICY)) {
            agents.publish(strict())
                    .send(
                            confirmedOn(DEFAULT_POLICY.version(), "T-1", AGENT, month, FRIDAY_1800),
                            FRIDAY_1800)
                    .send(confirmedOn(STRICT, "T-2", AGENT, month, FRIDAY_1800), FRIDAY_1800)
                    .watermark(FRIDAY_1800);

            assertThat(agents.lines())
                    .containsExactly(
                            "T-1:RESPONSE:1:BREACHED:1:AGENT:POINTS POINTS AGENT:a-1"
                                    + " @Fri 11-27 18:00 points=-2",
                            "AGENT:a-1:2026-11:WARNING:1 WARNING AGENT:a-1 @Fri 11-27 18:00"
                                    + " due=Wed 12-02 18:00",
                            "AGENT:a-1:2026-11:TRAINING:1 TRAINING AGENT:a-1 @Fri 11-27 18:00"
                                    + " due=Fri 12-04 18:00",
                            "T-2:RESPONSE:1:BREACHED:1:AGENT:POINTS POINTS AGENT:a-1"
                                    + " @Fri 11-27 18:00 points=-5",
                            "AGENT:a-1:2026-11:SUSPENSION:2 SUSPENSION AGENT:a-1 @Fri 11-27 18:00"
                                    + " days=2026-11-30..2026-12-02 due=Wed 12-02 18:00");
        }
    }

    @Test
    void shouldKeepAVersionsConsequencesAcrossARestoreUnderAStartPolicyWithoutIt()
            throws Exception {
        var snapshot = snapshotWith(strict());

        try (LedgerHarness<CaseInput> restored =
                LedgerHarness.cases(DEFAULT_POLICY, List.of(), snapshot)) {
            restored.send(CaseInput.of(STRICT_BREACH), WEDNESDAY_1005).watermark(THURSDAY_1800);

            assertThat(restored.lines())
                    .containsExactly(
                            "T-2:RESPONSE:1:BREACHED:1:VERIFICATION_REQUESTED VERIFICATION_REQUESTED"
                                    + " CASE:T-2:RESPONSE:1:BREACHED:1 @Wed 11-25 10:05"
                                    + " due=Thu 11-26 18:00",
                            "T-2:RESPONSE:1:BREACHED:1:WAIVED WAIVED"
                                    + " CASE:T-2:RESPONSE:1:BREACHED:1 @Thu 11-26 18:00");
        }
    }

    private static OperatorSubtaskState snapshotWith(PolicyVersion version) throws Exception {
        try (LedgerHarness<CaseInput> cases = LedgerHarness.cases(DEFAULT_POLICY)) {
            cases.publish(version);
            return cases.snapshot();
        }
    }
}

package io.slawatch.consequence;

import static io.slawatch.consequence.Breaches.AGENT;
import static io.slawatch.consequence.Breaches.DEFAULT_POLICY;
import static io.slawatch.consequence.Breaches.FRIDAY_1800;
import static io.slawatch.consequence.Breaches.MONDAY_1800;
import static io.slawatch.consequence.Breaches.SATURDAY_1000;
import static io.slawatch.consequence.Breaches.THURSDAY_0930;
import static io.slawatch.consequence.Breaches.TUESDAY_1800;
import static io.slawatch.consequence.Breaches.WEDNESDAY_1005;
import static io.slawatch.consequence.Breaches.at;
import static io.slawatch.consequence.Breaches.breachOf;
import static io.slawatch.consequence.Breaches.confirmed;
import static io.slawatch.consequence.Breaches.retractedVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An agent's points, warnings, trainings and suspensions under the default policy. */
class AgentPenaltyFunctionTest {

    static final String NOVEMBER = "2026-11";
    static final String DECEMBER = "2026-12";
    static final Instant FIRST_OF_DECEMBER_0000 = at("2026-12-01T00:00:00+08:00");

    static final String FIRST_POINTS =
            breachOf("T-1") + ":AGENT:POINTS POINTS AGENT:a-1 @Wed 11-25 10:05 points=-2";
    static final String WARNING =
            "AGENT:a-1:2026-11:WARNING:1 WARNING AGENT:a-1 @Wed 11-25 10:05 due=Mon 11-30 18:00";
    static final String TRAINING =
            "AGENT:a-1:2026-11:TRAINING:1 TRAINING AGENT:a-1 @Wed 11-25 10:05 due=Wed 12-02 18:00";

    LedgerHarness<Verdict> agents;

    @BeforeEach
    void open() throws Exception {
        agents = LedgerHarness.agents(DEFAULT_POLICY);
    }

    @AfterEach
    void close() throws Exception {
        agents.close();
    }

    LedgerHarness<Verdict> send(Verdict verdict) throws Exception {
        return agents.send(verdict, Instant.ofEpochMilli(verdict.at()));
    }

    @Test
    void shouldWarnAndTrainAtTheFirstConfirmedBreachOfTheMonth() throws Exception {
        send(confirmed("T-1", AGENT, NOVEMBER, WEDNESDAY_1005)).watermark(WEDNESDAY_1005);

        assertThat(agents.lines()).containsExactly(FIRST_POINTS, WARNING, TRAINING);
    }

    @Test
    void shouldOnlyDeductPointsForTheSecondConfirmedBreach() throws Exception {
        send(confirmed("T-1", AGENT, NOVEMBER, WEDNESDAY_1005));
        send(confirmed("T-2", AGENT, NOVEMBER, THURSDAY_0930)).watermark(THURSDAY_0930);

        assertThat(agents.lines())
                .containsExactly(
                        FIRST_POINTS,
                        WARNING,
                        TRAINING,
                        breachOf("T-2")
                                + ":AGENT:POINTS POINTS AGENT:a-1 @Thu 11-26 09:30 points=-2");
    }

    @Test
    void shouldSuspendFromTheNextWorkingDayAtTheThirdConfirmedBreachOfTheMonth() throws Exception {
        send(confirmed("T-1", AGENT, NOVEMBER, WEDNESDAY_1005));
        send(confirmed("T-2", AGENT, NOVEMBER, THURSDAY_0930)).watermark(THURSDAY_0930).forget();
        send(confirmed("T-3", AGENT, NOVEMBER, FRIDAY_1800)).watermark(FRIDAY_1800);

        assertThat(agents.lines())
                .containsExactly(
                        breachOf("T-3")
                                + ":AGENT:POINTS POINTS AGENT:a-1 @Fri 11-27 18:00 points=-2",
                        "AGENT:a-1:2026-11:SUSPENSION:2 SUSPENSION AGENT:a-1 @Fri 11-27 18:00"
                                + " days=2026-11-30..2026-12-02 due=Wed 12-02 18:00");
    }

    @Test
    void shouldWarnAgainAtTheFirstConfirmedBreachOfTheNextMonth() throws Exception {
        send(confirmed("T-1", AGENT, NOVEMBER, WEDNESDAY_1005));
        send(confirmed("T-2", AGENT, NOVEMBER, THURSDAY_0930));
        send(confirmed("T-3", AGENT, NOVEMBER, FRIDAY_1800)).watermark(FRIDAY_1800).forget();
        send(confirmed("T-4", AGENT, DECEMBER, TUESDAY_1800)).watermark(TUESDAY_1800);

        assertThat(agents.lines())
                .containsExactly(
                        breachOf("T-4")
                                + ":AGENT:POINTS POINTS AGENT:a-1 @Tue 12-01 18:00 points=-2",
                        "AGENT:a-1:2026-12:WARNING:1 WARNING AGENT:a-1 @Tue 12-01 18:00"
                                + " due=Fri 12-04 18:00",
                        "AGENT:a-1:2026-12:TRAINING:1 TRAINING AGENT:a-1 @Tue 12-01 18:00"
                                + " due=Tue 12-08 18:00");
    }

    @Test
    void shouldReverseTheSuspensionWhenTheThirdBreachIsRetractedAndSuspendAnewAtTheNextThird()
            throws Exception {
        send(confirmed("T-1", AGENT, NOVEMBER, WEDNESDAY_1005));
        send(confirmed("T-2", AGENT, NOVEMBER, THURSDAY_0930));
        send(confirmed("T-3", AGENT, NOVEMBER, FRIDAY_1800)).watermark(FRIDAY_1800).forget();
        send(retractedVerdict("T-3", AGENT, NOVEMBER, SATURDAY_1000));
        send(confirmed("T-4", AGENT, NOVEMBER, MONDAY_1800)).watermark(MONDAY_1800);

        assertThat(agents.lines())
                .containsExactly(
                        breachOf("T-3")
                                + ":AGENT:POINTS:REVERSAL REVERSAL AGENT:a-1 @Sat 11-28 10:00"
                                + " points=2 reverses="
                                + breachOf("T-3")
                                + ":AGENT:POINTS",
                        "AGENT:a-1:2026-11:SUSPENSION:2:REVERSAL REVERSAL AGENT:a-1"
                                + " @Sat 11-28 10:00 days=2026-11-30..2026-12-02"
                                + " reverses=AGENT:a-1:2026-11:SUSPENSION:2",
                        breachOf("T-4")
                                + ":AGENT:POINTS POINTS AGENT:a-1 @Mon 11-30 18:00 points=-2",
                        "AGENT:a-1:2026-11:SUSPENSION:3 SUSPENSION AGENT:a-1 @Mon 11-30 18:00"
                                + " days=2026-12-01..2026-12-03 due=Thu 12-03 18:00");
    }

    @Test
    void shouldReverseTheWarningAndTrainingWhenTheMonthsOnlyBreachIsRetracted() throws Exception {
        send(confirmed("T-1", AGENT, NOVEMBER, WEDNESDAY_1005)).watermark(WEDNESDAY_1005).forget();
        send(retractedVerdict("T-1", AGENT, NOVEMBER, THURSDAY_0930)).watermark(THURSDAY_0930);

        assertThat(agents.entries())
                .extracting(e -> e.reverses())
                .containsExactly(
                        breachOf("T-1") + ":AGENT:POINTS",
                        "AGENT:a-1:2026-11:WARNING:1",
                        "AGENT:a-1:2026-11:TRAINING:1");
    }

    @Test
    void shouldDeductAgainUnderNewIdsWhenARetractedBreachIsConfirmedOnItsSecondOpening()
            throws Exception {
        send(confirmed("T-1", AGENT, NOVEMBER, WEDNESDAY_1005));
        send(retractedVerdict("T-1", AGENT, NOVEMBER, THURSDAY_0930)).watermark(THURSDAY_0930);
        Verdict first = confirmed("T-1", AGENT, NOVEMBER, FRIDAY_1800);
        Verdict secondOpening =
                new Verdict(
                        first.alertId(),
                        first.ticketId(),
                        first.clock(),
                        first.agentId(),
                        first.team(),
                        first.month(),
                        first.at(),
                        false,
                        first.policyVersion(),
                        2);
        agents.forget();
        send(secondOpening).watermark(FRIDAY_1800);

        assertThat(agents.lines())
                .containsExactly(
                        breachOf("T-1")
                                + "#2:AGENT:POINTS POINTS AGENT:a-1 @Fri 11-27 18:00 points=-2",
                        "AGENT:a-1:2026-11:WARNING:2 WARNING AGENT:a-1 @Fri 11-27 18:00"
                                + " due=Wed 12-02 18:00",
                        "AGENT:a-1:2026-11:TRAINING:2 TRAINING AGENT:a-1 @Fri 11-27 18:00"
                                + " due=Fri 12-04 18:00");
    }

    @Test
    void shouldCountConfirmationsInEventTimeOrderWhateverTheirArrival() throws Exception {
        send(confirmed("T-2", AGENT, NOVEMBER, THURSDAY_0930));
        send(confirmed("T-1", AGENT, NOVEMBER, WEDNESDAY_1005)).watermark(THURSDAY_0930);

        assertThat(agents.lines()).startsWith(FIRST_POINTS, WARNING, TRAINING);
    }

    @Test
    void shouldIgnoreARepeatedConfirmation() throws Exception {
        send(confirmed("T-1", AGENT, NOVEMBER, WEDNESDAY_1005));
        send(confirmed("T-1", AGENT, NOVEMBER, WEDNESDAY_1005)).watermark(THURSDAY_0930);

        assertThat(agents.lines()).containsExactly(FIRST_POINTS, WARNING, TRAINING);
    }

    @Test
    void shouldLeaveNoStateNorTimerOnceTheMonthIsPastTheSafetyHorizon() throws Exception {
        send(confirmed("T-1", AGENT, NOVEMBER, WEDNESDAY_1005)).watermark(FRIDAY_1800);
        assertThat(agents.stateEntries()).isPositive();

        agents.watermark(FIRST_OF_DECEMBER_0000.plus(DEFAULT_POLICY.safetyHorizon()));

        assertThat(agents.stateEntries()).isZero();
        assertThat(agents.timers()).isZero();
    }
}

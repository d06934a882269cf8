package io.slawatch.consequence;

import static io.slawatch.consequence.Breaches.DEFAULT_POLICY;
import static io.slawatch.consequence.Breaches.SATURDAY_1000;
import static io.slawatch.consequence.Breaches.WEDNESDAY_1005;
import static io.slawatch.consequence.Breaches.breachOf;
import static io.slawatch.consequence.Breaches.confirmed;
import static io.slawatch.consequence.Breaches.retractedVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A department's points and notices under the default policy. */
class TeamPenaltyFunctionTest {

    static final String NOVEMBER = "2026-11";

    LedgerHarness<Verdict> teams;

    @BeforeEach
    void open() throws Exception {
        teams = LedgerHarness.teams(DEFAULT_POLICY);
    }

    @AfterEach
    void close() throws Exception {
        teams.close();
    }

    /** Five confirmations a minute apart from 10:05: T-1 by a-1, T-2 by a-2, … T-5 by a-2. */
    void confirmFive() throws Exception {
        String[] agents = {"a-1", "a-2", "a-3", "a-1", "a-2"};
        for (int i = 0; i < 5; i++) {
            Instant at = WEDNESDAY_1005.plus(Duration.ofMinutes(i));
            teams.send(confirmed("T-" + (i + 1), agents[i], NOVEMBER, at), at);
        }
    }

    @Test
    void shouldDeductAPointPerConfirmedBreach() throws Exception {
        teams.send(confirmed("T-1", "a-1", NOVEMBER, WEDNESDAY_1005), WEDNESDAY_1005)
                .watermark(WEDNESDAY_1005);

        assertThat(teams.lines())
                .containsExactly(
                        breachOf("T-1")
                                + ":TEAM:POINTS POINTS TEAM:hotline @Wed 11-25 10:05 points=-1");
    }

    @Test
    void shouldNoticeTheDepartmentAtTheFifthConfirmedBreachOfTheMonth() throws Exception {
        confirmFive();
        teams.watermark(SATURDAY_1000);

        assertThat(teams.lines())
                .hasSize(6)
                .last()
                .isEqualTo(
                        "TEAM:hotline:2026-11:NOTICE:1 NOTICE TEAM:hotline @Wed 11-25 10:09"
                                + " due=Mon 11-30 18:00 alerts=["
                                + String.join(
                                        ", ",
                                        breachOf("T-1"),
                                        breachOf("T-2"),
                                        breachOf("T-3"),
                                        breachOf("T-4"),
                                        breachOf("T-5"))
                                + "] agents=[a-1, a-2, a-3]");
    }

    @Test
    void shouldReverseTheNoticeWhenARetractionBringsTheMonthBelowFive() throws Exception {
        confirmFive();
        teams.watermark(WEDNESDAY_1005.plus(Duration.ofMinutes(5))).forget();
        teams.send(retractedVerdict("T-3", "a-3", NOVEMBER, SATURDAY_1000), SATURDAY_1000)
                .watermark(SATURDAY_1000);

        assertThat(teams.entries())
                .extracting(e -> e.reverses())
                .containsExactly(breachOf("T-3") + ":TEAM:POINTS", "TEAM:hotline:2026-11:NOTICE:1");
    }
}

package io.slawatch.consequence;

import static io.slawatch.consequence.Breaches.AGENT;
import static io.slawatch.consequence.Breaches.DEFAULT_POLICY;
import static io.slawatch.consequence.Breaches.FRIDAY_1800;
import static io.slawatch.consequence.Breaches.SATURDAY_1000;
import static io.slawatch.consequence.Breaches.TEAM;
import static io.slawatch.consequence.Breaches.TECH;
import static io.slawatch.consequence.Breaches.THURSDAY_0930;
import static io.slawatch.consequence.Breaches.TICKET;
import static io.slawatch.consequence.Breaches.WEDNESDAY_1005;
import static io.slawatch.consequence.Breaches.WEDNESDAY_1200;
import static io.slawatch.consequence.Breaches.at;
import static io.slawatch.consequence.Breaches.breached;
import static io.slawatch.consequence.Breaches.cancelled;
import static io.slawatch.consequence.Breaches.confirm;
import static io.slawatch.consequence.Breaches.metLate;
import static io.slawatch.consequence.Breaches.retracted;
import static io.slawatch.consequence.Breaches.waive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockType;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.Review;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A ticket's cases under the default policy's consequences, in the operator harness. */
class CaseFunctionTest {

    static final Alert RESPONSE_BREACH = breached(ClockType.RESPONSE, WEDNESDAY_1005);
    static final String RESPONSE_CASE = RESPONSE_BREACH.alertId();
    static final Alert RESOLUTION_BREACH = breached(ClockType.RESOLUTION, WEDNESDAY_1200);
    static final Alert ARRIVAL_BREACH = breached(ClockType.ARRIVAL, WEDNESDAY_1005);

    static final String VERIFICATION_REQUESTED =
            RESPONSE_CASE
                    + ":VERIFICATION_REQUESTED VERIFICATION_REQUESTED CASE:"
                    + RESPONSE_CASE
                    + " @Wed 11-25 10:05 due=Fri 11-27 18:00";

    static final Instant WEDNESDAY_1004 = at("2026-11-25T10:04:00+08:00");
    static final Instant THURSDAY_1000 = at("2026-11-26T10:00:00+08:00");
    static final Instant FRIDAY_0900 = at("2026-11-27T09:00:00+08:00");
    static final Instant MONDAY_0900 = at("2026-11-30T09:00:00+08:00");
    static final Instant NEXT_WEDNESDAY_1800 = at("2026-12-02T18:00:00+08:00");

    LedgerHarness<CaseInput> cases;

    @BeforeEach
    void open() throws Exception {
        cases = LedgerHarness.cases(DEFAULT_POLICY);
    }

    @AfterEach
    void close() throws Exception {
        cases.close();
    }

    LedgerHarness<CaseInput> send(Alert alert) throws Exception {
        return cases.send(CaseInput.of(alert), alert.eventTime());
    }

    LedgerHarness<CaseInput> send(Review review) throws Exception {
        return cases.send(CaseInput.of(review), review.decidedAt());
    }

    LedgerHarness<CaseInput> send(io.slawatch.model.ClockOutcome outcome) throws Exception {
        return cases.send(CaseInput.of(outcome), outcome.endedAt());
    }

    List<Verdict> verdicts() {
        return cases.side(CaseFunction.VERDICTS);
    }

    List<QuarantineRecord> quarantined() {
        return cases.quarantined(CaseFunction.QUARANTINE);
    }

    @Test
    void shouldRequestVerificationWithinTwoWorkingDaysOfTheBreach() throws Exception {
        send(RESPONSE_BREACH).watermark(WEDNESDAY_1005);

        assertThat(cases.lines()).containsExactly(VERIFICATION_REQUESTED);
    }

    @Test
    void shouldVerifyASaturdayBreachByTuesdaysClosing() throws Exception {
        Alert saturday = breached(ClockType.RESPONSE, SATURDAY_1000);
        send(saturday).watermark(SATURDAY_1000);

        assertThat(cases.entries())
                .singleElement()
                .extracting(e -> e.dueBy())
                .isEqualTo(Breaches.TUESDAY_1800);
    }

    @Test
    void shouldConfirmByPolicyWhenNobodyDecidesByTheDeadline() throws Exception {
        send(RESPONSE_BREACH).watermark(FRIDAY_1800);

        assertThat(cases.lines())
                .containsExactly(
                        VERIFICATION_REQUESTED,
                        RESPONSE_CASE
                                + ":CONFIRMED CONFIRMED CASE:"
                                + RESPONSE_CASE
                                + " @Fri 11-27 18:00",
                        RESPONSE_CASE
                                + ":APOLOGY APOLOGY CUSTOMER:c-1 @Fri 11-27 18:00"
                                + " due=Wed 12-02 18:00");
        assertThat(verdicts())
                .containsExactly(
                        new Verdict(
                                RESPONSE_CASE,
                                TICKET,
                                ClockType.RESPONSE,
                                AGENT,
                                TEAM,
                                "2026-11",
                                FRIDAY_1800.toEpochMilli(),
                                false,
                                DEFAULT_POLICY.version(),
                                1));
    }

    @Test
    void shouldConfirmWhenTheSupervisorConfirms() throws Exception {
        send(RESPONSE_BREACH)
                .send(CaseInput.of(confirm(RESPONSE_CASE, THURSDAY_0930)), THURSDAY_0930);
        cases.watermark(FRIDAY_1800);

        assertThat(cases.lines())
                .containsExactly(
                        VERIFICATION_REQUESTED,
                        RESPONSE_CASE
                                + ":CONFIRMED CONFIRMED CASE:"
                                + RESPONSE_CASE
                                + " @Thu 11-26 09:30 by=sup-1",
                        RESPONSE_CASE
                                + ":APOLOGY APOLOGY CUSTOMER:c-1 @Thu 11-26 09:30"
                                + " due=Tue 12-01 18:00");
        assertThat(cases.entries().get(1).reason()).isEqualTo("checked the call log");
    }

    @Test
    void shouldLeaveACaseOpenWhenTheInputEndsBeforeItsDeadline() throws Exception {
        send(RESPONSE_BREACH)
                .watermark(THURSDAY_1000)
                .watermark(Instant.ofEpochMilli(Long.MAX_VALUE));

        assertThat(cases.lines()).containsExactly(VERIFICATION_REQUESTED);
    }

    @Test
    void shouldWaiveWithoutConsequenceWhenTheSupervisorWaives() throws Exception {
        send(RESPONSE_BREACH);
        send(waive(RESPONSE_CASE, THURSDAY_0930)).watermark(FRIDAY_1800);

        assertThat(cases.lines())
                .containsExactly(
                        VERIFICATION_REQUESTED,
                        RESPONSE_CASE
                                + ":WAIVED WAIVED CASE:"
                                + RESPONSE_CASE
                                + " @Thu 11-26 09:30 by=sup-1");
        assertThat(verdicts()).isEmpty();
    }

    @Test
    void shouldCloseTheCaseWithoutConsequenceWhenRetractedBeforeItIsDecided() throws Exception {
        send(RESPONSE_BREACH).watermark(WEDNESDAY_1200);
        send(retracted(RESPONSE_BREACH, WEDNESDAY_1004)).watermark(FRIDAY_1800);

        assertThat(cases.lines())
                .containsExactly(
                        VERIFICATION_REQUESTED,
                        RESPONSE_CASE
                                + ":RETRACTED RETRACTED CASE:"
                                + RESPONSE_CASE
                                + " @Wed 11-25 10:05");
        assertThat(verdicts()).isEmpty();
    }

    @Test
    void shouldRetractABreachWhoseRetractionArrivesBeforeTheWatermarkReachesIt() throws Exception {
        send(RESPONSE_BREACH);
        send(retracted(RESPONSE_BREACH, WEDNESDAY_1004)).watermark(FRIDAY_1800);

        assertThat(cases.lines())
                .containsExactly(
                        VERIFICATION_REQUESTED,
                        RESPONSE_CASE
                                + ":RETRACTED RETRACTED CASE:"
                                + RESPONSE_CASE
                                + " @Wed 11-25 10:05");
    }

    @Test
    void shouldReverseWhatTheConfirmationIssuedWhenRetractedAfterIt() throws Exception {
        send(RESPONSE_BREACH);
        send(confirm(RESPONSE_CASE, THURSDAY_0930)).watermark(THURSDAY_1000).forget();
        send(retracted(RESPONSE_BREACH, WEDNESDAY_1004)).watermark(FRIDAY_1800);

        assertThat(cases.lines())
                .containsExactly(
                        RESPONSE_CASE
                                + ":RETRACTED RETRACTED CASE:"
                                + RESPONSE_CASE
                                + " @Thu 11-26 09:30",
                        RESPONSE_CASE
                                + ":CONFIRMED:REVERSAL REVERSAL CASE:"
                                + RESPONSE_CASE
                                + " @Thu 11-26 09:30 reverses="
                                + RESPONSE_CASE
                                + ":CONFIRMED",
                        RESPONSE_CASE
                                + ":APOLOGY:REVERSAL REVERSAL CUSTOMER:c-1"
                                + " @Thu 11-26 09:30 reverses="
                                + RESPONSE_CASE
                                + ":APOLOGY");
        assertThat(verdicts()).extracting(Verdict::retracted).containsExactly(false, true);
    }

    @Test
    void shouldCouponAConfirmedBreachUpToTwoHoursLate() throws Exception {
        send(RESPONSE_BREACH);
        send(metLate(RESPONSE_BREACH, Duration.ofMinutes(90)));
        send(confirm(RESPONSE_CASE, THURSDAY_0930)).watermark(FRIDAY_1800);

        assertThat(cases.lines())
                .endsWith(
                        "T-1:COMPENSATION:1:COUPON COUPON CUSTOMER:c-1 @Thu 11-26 09:30"
                                + " coupon=10% due=Tue 12-01 18:00");
    }

    @Test
    void shouldReplaceALowerCompensationWithTheHigherTierOfALaterBreach() throws Exception {
        send(RESPONSE_BREACH);
        send(metLate(RESPONSE_BREACH, Duration.ofMinutes(90)));
        send(confirm(RESPONSE_CASE, THURSDAY_0930));
        send(RESOLUTION_BREACH);
        send(metLate(RESOLUTION_BREACH, Duration.ofHours(5))).watermark(THURSDAY_1000).forget();
        cases.watermark(FRIDAY_1800);

        String resolution = RESOLUTION_BREACH.alertId();
        assertThat(cases.lines())
                .containsExactly(
                        resolution
                                + ":CONFIRMED CONFIRMED CASE:"
                                + resolution
                                + " @Fri 11-27 18:00",
                        resolution
                                + ":APOLOGY APOLOGY CUSTOMER:c-1 @Fri 11-27 18:00"
                                + " due=Wed 12-02 18:00",
                        "T-1:COMPENSATION:1:COUPON:REVERSAL REVERSAL CUSTOMER:c-1"
                                + " @Fri 11-27 18:00 coupon=10%"
                                + " reverses=T-1:COMPENSATION:1:COUPON",
                        "T-1:COMPENSATION:2:COUPON COUPON CUSTOMER:c-1 @Fri 11-27 18:00"
                                + " coupon=20% due=Wed 12-02 18:00",
                        "T-1:COMPENSATION:2:UPGRADE UPGRADE CUSTOMER:c-1 @Fri 11-27 18:00"
                                + " upgrade=3 due=Wed 12-02 18:00");
    }

    @Test
    void shouldKeepTheHigherCompensationWhenALowerTierComesLater() throws Exception {
        send(RESPONSE_BREACH);
        send(metLate(RESPONSE_BREACH, Duration.ofHours(5)));
        send(confirm(RESPONSE_CASE, THURSDAY_0930));
        send(RESOLUTION_BREACH);
        send(metLate(RESOLUTION_BREACH, Duration.ofMinutes(30))).watermark(THURSDAY_1000).forget();
        cases.watermark(FRIDAY_1800);

        assertThat(cases.lines()).noneMatch(line -> line.contains("COMPENSATION"));
    }

    @Test
    void shouldAskPeopleToNegotiateWhenATicketIsCancelledADayAfterItsDeadline() throws Exception {
        send(ARRIVAL_BREACH);
        send(confirm(ARRIVAL_BREACH.alertId(), WEDNESDAY_1200));
        send(cancelled(ARRIVAL_BREACH, Duration.ofHours(30))).watermark(FRIDAY_1800);

        assertThat(cases.lines())
                .contains(
                        "T-1:COMPENSATION:1:COUPON COUPON CUSTOMER:c-1 @Thu 11-26 16:05"
                                + " coupon=20% due=Tue 12-01 18:00",
                        "T-1:COMPENSATION:1:UPGRADE UPGRADE CUSTOMER:c-1 @Thu 11-26 16:05"
                                + " upgrade=3 due=Tue 12-01 18:00",
                        "T-1:COMPENSATION:1:MANUAL_REVIEW MANUAL_REVIEW CUSTOMER:c-1"
                                + " @Thu 11-26 16:05 due=Tue 12-01 18:00");
        assertThat(verdicts()).extracting(Verdict::agentId).containsExactly(TECH);
    }

    @Test
    void shouldQuarantineAReviewOfAnAlertWithoutACase() throws Exception {
        Review unknown = confirm("T-1:RESPONSE:1:ESCALATED:2", THURSDAY_0930);
        send(RESPONSE_BREACH);
        send(unknown).watermark(THURSDAY_1000);

        assertThat(quarantined())
                .containsExactly(
                        QuarantineRecord.ofJson(
                                io.slawatch.serde.Json.write(unknown),
                                QuarantineReason.REVIEW_UNKNOWN_SUBJECT,
                                "no case for alert T-1:RESPONSE:1:ESCALATED:2 (not a BREACHED alert"
                                        + " of a clock with consequences, not yet breached, or"
                                        + " cleared)",
                                LedgerHarness.QUARANTINED_AT,
                                TICKET,
                                unknown.reviewId()));
        assertThat(cases.lines()).containsExactly(VERIFICATION_REQUESTED);
    }

    @Test
    void shouldApplyReviewsInEventTimeOrderAndQuarantineTheSecondDecision() throws Exception {
        Review later = waive(RESPONSE_CASE, FRIDAY_0900);
        send(RESPONSE_BREACH);
        send(later);
        send(confirm(RESPONSE_CASE, THURSDAY_0930)).watermark(FRIDAY_1800);

        assertThat(cases.lines())
                .contains(
                        RESPONSE_CASE
                                + ":CONFIRMED CONFIRMED CASE:"
                                + RESPONSE_CASE
                                + " @Thu 11-26 09:30 by=sup-1");
        assertThat(quarantined())
                .singleElement()
                .satisfies(
                        record -> {
                            assertThat(record.reason())
                                    .isEqualTo(QuarantineReason.REVIEW_ALREADY_DECIDED);
                            assertThat(record.detail())
                                    .isEqualTo(
                                            "the case of "
                                                    + RESPONSE_CASE
                                                    + " is already CONFIRMED");
                            assertThat(record.eventId()).isEqualTo(later.reviewId());
                        });
    }

    @Test
    void shouldQuarantineAReviewThatComesAfterThePolicyDecided() throws Exception {
        send(RESPONSE_BREACH).watermark(FRIDAY_1800);
        send(waive(RESPONSE_CASE, MONDAY_0900)).watermark(MONDAY_0900);

        assertThat(quarantined())
                .extracting(QuarantineRecord::reason)
                .containsExactly(QuarantineReason.REVIEW_ALREADY_DECIDED);
    }

    @Test
    void shouldOpenOneCaseForARepeatedBreachAlert() throws Exception {
        send(RESPONSE_BREACH);
        send(RESPONSE_BREACH).watermark(WEDNESDAY_1200);

        assertThat(cases.lines()).containsExactly(VERIFICATION_REQUESTED);
    }

    @Test
    void shouldOpenTheCaseAgainWhenARetractedBreachFallsDueAgain() throws Exception {
        // A version for open tickets moved the deadline to Monday (retraction), which then passed.
        Alert dueAgain = breached(ClockType.RESPONSE, MONDAY_0900);
        send(RESPONSE_BREACH);
        send(confirm(RESPONSE_CASE, THURSDAY_0930)).watermark(THURSDAY_0930).forget();
        send(retracted(RESPONSE_BREACH, THURSDAY_1000));
        send(dueAgain).watermark(NEXT_WEDNESDAY_1800);

        String reopened = RESPONSE_CASE + "#2";
        assertThat(cases.lines())
                .containsExactly(
                        RESPONSE_CASE
                                + ":RETRACTED RETRACTED CASE:"
                                + RESPONSE_CASE
                                + " @Thu 11-26 10:00",
                        RESPONSE_CASE
                                + ":CONFIRMED:REVERSAL REVERSAL CASE:"
                                + RESPONSE_CASE
                                + " @Thu 11-26 10:00 reverses="
                                + RESPONSE_CASE
                                + ":CONFIRMED",
                        RESPONSE_CASE
                                + ":APOLOGY:REVERSAL REVERSAL CUSTOMER:c-1"
                                + " @Thu 11-26 10:00 reverses="
                                + RESPONSE_CASE
                                + ":APOLOGY",
                        reopened
                                + ":VERIFICATION_REQUESTED VERIFICATION_REQUESTED CASE:"
                                + RESPONSE_CASE
                                + " @Mon 11-30 09:00 due=Wed 12-02 18:00",
                        reopened
                                + ":CONFIRMED CONFIRMED CASE:"
                                + RESPONSE_CASE
                                + " @Wed 12-02 18:00",
                        reopened
                                + ":APOLOGY APOLOGY CUSTOMER:c-1 @Wed 12-02 18:00"
                                + " due=Mon 12-07 18:00");
        assertThat(verdicts())
                .extracting(Verdict::retracted, Verdict::caseId)
                .containsExactly(
                        tuple(false, RESPONSE_CASE),
                        tuple(true, RESPONSE_CASE),
                        tuple(false, reopened));
    }

    @Test
    void shouldLeaveNoStateNorTimerOnceTheSafetyHorizonPassed() throws Exception {
        send(RESPONSE_BREACH);
        send(metLate(RESPONSE_BREACH, Duration.ofMinutes(90)));
        send(confirm(RESPONSE_CASE, THURSDAY_0930)).watermark(FRIDAY_1800);
        assertThat(cases.stateEntries()).isPositive();

        cases.watermark(WEDNESDAY_1005.plus(DEFAULT_POLICY.safetyHorizon()));

        assertThat(cases.stateEntries()).isZero();
        assertThat(cases.timers()).isZero();
    }
}

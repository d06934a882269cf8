package io.slawatch.detect;

import static io.slawatch.detect.TicketEvents.DAY_AFTER_SINGLES_DAY_0000;
import static io.slawatch.detect.TicketEvents.FRIDAY_1700;
import static io.slawatch.detect.TicketEvents.MONDAY_0900;
import static io.slawatch.detect.TicketEvents.NEXT_MONDAY_1200;
import static io.slawatch.detect.TicketEvents.SINGLES_DAY_1000;
import static io.slawatch.detect.TicketEvents.SUNDAY_2300;
import static io.slawatch.detect.TicketEvents.arrived;
import static io.slawatch.detect.TicketEvents.at;
import static io.slawatch.detect.TicketEvents.cancelled;
import static io.slawatch.detect.TicketEvents.closed;
import static io.slawatch.detect.TicketEvents.created;
import static io.slawatch.detect.TicketEvents.dispatched;
import static io.slawatch.detect.TicketEvents.etaUpdated;
import static io.slawatch.detect.TicketEvents.paused;
import static io.slawatch.detect.TicketEvents.plus;
import static io.slawatch.detect.TicketEvents.reassigned;
import static io.slawatch.detect.TicketEvents.reopened;
import static io.slawatch.detect.TicketEvents.resolved;
import static io.slawatch.detect.TicketEvents.responded;
import static io.slawatch.detect.TicketEvents.resumed;
import static io.slawatch.detect.TicketEvents.updated;
import static io.slawatch.model.Channel.CHAT;
import static io.slawatch.model.Channel.EMAIL;
import static io.slawatch.model.Channel.PHONE;
import static io.slawatch.model.Complexity.COMPLEX;
import static io.slawatch.model.Priority.CRITICAL;
import static io.slawatch.model.Priority.NORMAL;
import static io.slawatch.model.Priority.URGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.TicketAttributes;
import java.time.Instant;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Detection scenarios on the default policy (DESIGN.md promises), in Flink's operator harness. */
class TicketSlaFunctionTest {

    SlaHarness sla;

    @BeforeEach
    void openHarness() throws Exception {
        sla = SlaHarness.withScenarioPolicy();
    }

    @AfterEach
    void closeHarness() throws Exception {
        sla.close();
    }

    /** Before every scenario's tickets: a version published then is in force for all of them. */
    static final Instant EARLIER = Instant.parse("2026-01-01T00:00:00Z");

    // 1. Clocks and targets chosen by the policy, each on its calendar.

    @Test
    void shouldTellThePredictionsTheWaitEachEtaAndTheArrivalOfAnOpenArrivalClock()
            throws Exception {
        sla.send(
                created(MONDAY_0900, PHONE, URGENT).onsite().agent("a-1").region("pudong"),
                dispatched(plus(MONDAY_0900, "PT10M"), "t-2").eta(plus(MONDAY_0900, "PT1H30M")),
                etaUpdated(plus(MONDAY_0900, "PT40M"), "t-2", plus(MONDAY_0900, "PT1H55M")),
                responded(plus(MONDAY_0900, "PT50M")).eta(plus(MONDAY_0900, "PT3H")),
                arrived(plus(MONDAY_0900, "PT2H5M")),
                etaUpdated(plus(MONDAY_0900, "PT2H10M"), "t-2", plus(MONDAY_0900, "PT3H")));

        assertThat(sla.etaSignals())
                .containsExactly(
                        "WAITING T-1:1 @2026-11-23T01:00:00Z deadline=2026-11-23T03:00:00Z"
                                + " tech=null region=pudong",
                        "ETA T-1:1 @2026-11-23T01:10:00Z eta=2026-11-23T02:30:00Z"
                                + " deadline=2026-11-23T03:00:00Z tech=t-2 region=pudong",
                        "ETA T-1:1 @2026-11-23T01:40:00Z eta=2026-11-23T02:55:00Z"
                                + " deadline=2026-11-23T03:00:00Z tech=t-2 region=pudong",
                        "ARRIVED T-1:1 @2026-11-23T03:05:00Z deadline=2026-11-23T03:00:00Z"
                                + " tech=t-2 region=pudong");
    }

    @Test
    void shouldTellThePredictionsANewDeadlineWhileWaitingAndADispatchWithoutEta() throws Exception {
        sla.send(
                created(MONDAY_0900, PHONE, NORMAL).onsite().region("pudong"),
                updated(plus(MONDAY_0900, "PT5M")).priority(URGENT),
                dispatched(plus(MONDAY_0900, "PT10M"), "t-2"),
                updated(plus(MONDAY_0900, "PT15M")).priority(CRITICAL));

        assertThat(sla.etaSignals())
                .containsExactly(
                        "WAITING T-1:1 @2026-11-23T01:00:00Z deadline=2026-11-24T01:00:00Z"
                                + " tech=null region=pudong",
                        "WAITING T-1:1 @2026-11-23T01:05:00Z deadline=2026-11-23T03:00:00Z"
                                + " tech=null region=pudong",
                        "DISPATCHED T-1:1 @2026-11-23T01:10:00Z deadline=2026-11-23T03:00:00Z"
                                + " tech=t-2 region=pudong");
    }

    @Test
    void shouldRunResponseArrivalAndResolutionWithThePolicyTargets() throws Exception {
        sla.send(
                created(MONDAY_0900, PHONE, URGENT).onsite().agent("a-1"),
                responded(plus(MONDAY_0900, "PT20S")),
                arrived(plus(MONDAY_0900, "PT1H")),
                resolved(plus(MONDAY_0900, "PT2H")));

        assertThat(sla.alerts()).isEmpty();
        assertThat(sla.outcomeLines())
                .containsExactly(
                        "T-1:RESPONSE:1 MET elapsed=20 paused=0 late=0 deadline=2026-11-23T01:00:30Z",
                        "T-1:ARRIVAL:1 MET elapsed=3600 paused=0 late=0 deadline=2026-11-23T03:00:00Z",
                        "T-1:RESOLUTION:1 MET elapsed=7200 paused=0 late=0 deadline=2026-11-24T01:00:00Z");
    }

    @Test
    void shouldNotRunArrivalForATicketWithoutVisit() throws Exception {
        sla.send(
                created(MONDAY_0900, PHONE, URGENT),
                responded(plus(MONDAY_0900, "PT20S")),
                arrived(plus(MONDAY_0900, "PT1H")),
                resolved(plus(MONDAY_0900, "PT2H")));

        assertThat(sla.outcomes())
                .extracting(o -> o.clock())
                .containsExactly(ClockType.RESPONSE, ClockType.RESOLUTION);
    }

    @Test
    void shouldCountAnEmailResponseInOfficeHoursOnly() throws Exception {
        sla.send(created(FRIDAY_1700, EMAIL, NORMAL)).watermark(NEXT_MONDAY_1200);

        assertThat(sla.alertLines())
                .containsExactly(
                        "T-1:RESOLUTION:1:AT_RISK:1 @2026-11-28T08:00:00Z remaining=3600",
                        "T-1:RESOLUTION:1:BREACHED:1 @2026-11-28T09:00:00Z overdue=0",
                        "T-1:RESOLUTION:1:ESCALATED:2 @2026-11-29T09:00:00Z overdue=86400",
                        "T-1:RESPONSE:1:AT_RISK:1 @2026-11-30T03:00:00Z remaining=3600",
                        "T-1:RESPONSE:1:BREACHED:1 @2026-11-30T04:00:00Z overdue=0");
    }

    // 2. AT_RISK, BREACHED, ESCALATED as event time passes; never dependent on watermark timing.

    @Test
    void shouldWarnBreachAndEscalateAsTheWatermarkPassesEachInstant() throws Exception {
        sla.send(created(MONDAY_0900, PHONE, URGENT)).watermark(plus(MONDAY_0900, "PT21S"));
        assertThat(sla.alerts()).isEmpty();

        sla.watermark(plus(MONDAY_0900, "PT22S"));
        assertThat(sla.alertLines())
                .containsExactly("T-1:RESPONSE:1:AT_RISK:1 @2026-11-23T01:00:22Z remaining=8");

        sla.watermark(plus(MONDAY_0900, "PT30S")).watermark(plus(MONDAY_0900, "PT59S"));
        assertThat(sla.alertLines())
                .hasSize(2)
                .last()
                .isEqualTo("T-1:RESPONSE:1:BREACHED:1 @2026-11-23T01:00:30Z overdue=0");

        sla.watermark(plus(MONDAY_0900, "PT60S"));
        assertThat(sla.alertLines())
                .hasSize(3)
                .last()
                .isEqualTo("T-1:RESPONSE:1:ESCALATED:2 @2026-11-23T01:01:00Z overdue=30");
    }

    @Test
    void shouldAlertPassedThresholdsInOrderBeforeApplyingALateProcessedArrival() throws Exception {
        sla.send(
                        created(SUNDAY_2300, PHONE, CRITICAL).onsite(),
                        responded(plus(SUNDAY_2300, "PT10S")))
                .watermark(plus(SUNDAY_2300, "PT10S"))
                .send(arrived(at("2026-11-23T00:30:00+08:00")));

        assertThat(sla.alertLines())
                .containsExactly(
                        "T-1:ARRIVAL:1:AT_RISK:1 @2026-11-22T15:30:00Z remaining=1800",
                        "T-1:ARRIVAL:1:BREACHED:1 @2026-11-22T16:00:00Z overdue=0",
                        "T-1:ARRIVAL:1:MET_LATE:1 @2026-11-22T16:30:00Z overdue=1800");
        assertThat(sla.outcomeLines())
                .contains(
                        "T-1:ARRIVAL:1 MET_LATE elapsed=5400 paused=0 late=1800 deadline=2026-11-22T16:00:00Z");
    }

    // 3. Met on time without alert; met late with MET_LATE.

    @Test
    void shouldMeetTheResponseWithoutAlertWhenRespondedBeforeTheWarning() throws Exception {
        sla.send(created(MONDAY_0900, PHONE, URGENT), responded(plus(MONDAY_0900, "PT20S")))
                .watermark(plus(MONDAY_0900, "PT10M"));

        assertThat(sla.alerts()).isEmpty();
        assertThat(sla.outcomeLines())
                .containsExactly(
                        "T-1:RESPONSE:1 MET elapsed=20 paused=0 late=0 deadline=2026-11-23T01:00:30Z");
    }

    @Test
    void shouldCountAResponseExactlyAtTheDeadlineAsMet() throws Exception {
        sla.send(created(MONDAY_0900, PHONE, URGENT), responded(plus(MONDAY_0900, "PT30S")))
                .watermark(plus(MONDAY_0900, "PT10M"));

        assertThat(sla.alertLines())
                .containsExactly("T-1:RESPONSE:1:AT_RISK:1 @2026-11-23T01:00:22Z remaining=8");
        assertThat(sla.outcomeLines())
                .containsExactly(
                        "T-1:RESPONSE:1 MET elapsed=30 paused=0 late=0 deadline=2026-11-23T01:00:30Z");
    }

    @Test
    void shouldReportMetLateWhenRespondedAfterTheDeadline() throws Exception {
        sla.send(created(MONDAY_0900, CHAT, NORMAL))
                .watermark(plus(MONDAY_0900, "PT5M"))
                .send(responded(plus(MONDAY_0900, "PT7M")));

        assertThat(sla.alertLines())
                .containsExactly(
                        "T-1:RESPONSE:1:AT_RISK:1 @2026-11-23T01:03:45Z remaining=75",
                        "T-1:RESPONSE:1:BREACHED:1 @2026-11-23T01:05:00Z overdue=0",
                        "T-1:RESPONSE:1:MET_LATE:1 @2026-11-23T01:07:00Z overdue=120");
        assertThat(sla.outcomeLines())
                .containsExactly(
                        "T-1:RESPONSE:1 MET_LATE elapsed=420 paused=0 late=120 deadline=2026-11-23T01:05:00Z");
    }

    // 4. Pauses move the resolution deadline; nothing fires while paused.

    @Test
    void shouldMoveTheResolutionDeadlineByThePausedTime() throws Exception {
        sla.send(
                        created(MONDAY_0900, PHONE, URGENT),
                        responded(plus(MONDAY_0900, "PT10S")),
                        paused(plus(MONDAY_0900, "PT2H")),
                        resumed(plus(MONDAY_0900, "PT6H")))
                .watermark(at("2026-11-24T12:59:59+08:00"));
        assertThat(sla.alertLines())
                .containsExactly("T-1:RESOLUTION:1:AT_RISK:1 @2026-11-24T04:00:00Z remaining=3600");

        sla.watermark(at("2026-11-24T13:00:00+08:00"))
                .send(resolved(at("2026-11-24T14:00:00+08:00")));

        assertThat(sla.alertLines())
                .containsExactly(
                        "T-1:RESOLUTION:1:AT_RISK:1 @2026-11-24T04:00:00Z remaining=3600",
                        "T-1:RESOLUTION:1:BREACHED:1 @2026-11-24T05:00:00Z overdue=0",
                        "T-1:RESOLUTION:1:MET_LATE:1 @2026-11-24T06:00:00Z overdue=3600");
        assertThat(sla.outcomeLines())
                .containsExactly(
                        "T-1:RESPONSE:1 MET elapsed=10 paused=0 late=0 deadline=2026-11-23T01:00:30Z",
                        "T-1:RESOLUTION:1 MET_LATE elapsed=90000 paused=14400 late=3600 deadline=2026-11-24T05:00:00Z");
    }

    @Test
    void shouldCountOnlyTheOutermostOfNestedPauses() throws Exception {
        sla.send(
                        created(MONDAY_0900, PHONE, URGENT),
                        responded(plus(MONDAY_0900, "PT10S")),
                        paused(plus(MONDAY_0900, "PT2H")),
                        paused(plus(MONDAY_0900, "PT3H")),
                        resumed(plus(MONDAY_0900, "PT4H")),
                        resumed(plus(MONDAY_0900, "PT6H")))
                .watermark(at("2026-11-24T12:59:59+08:00"));

        assertThat(sla.alertLines())
                .containsExactly("T-1:RESOLUTION:1:AT_RISK:1 @2026-11-24T04:00:00Z remaining=3600");
    }

    @Test
    void shouldNotWarnOrBreachWhilePausedAndAddUpRepeatedPauses() throws Exception {
        sla.send(
                        created(MONDAY_0900, PHONE, URGENT),
                        responded(plus(MONDAY_0900, "PT10S")),
                        paused(plus(MONDAY_0900, "PT2H")))
                .watermark(at("2026-11-25T10:59:59+08:00"));
        assertThat(sla.alerts()).isEmpty();

        sla.send(
                        resumed(at("2026-11-25T11:00:00+08:00")),
                        paused(at("2026-11-25T12:00:00+08:00")),
                        resumed(at("2026-11-25T13:00:00+08:00")))
                .watermark(at("2026-11-26T08:59:59+08:00"));
        assertThat(sla.alerts()).isEmpty();

        sla.watermark(at("2026-11-26T09:00:00+08:00"));
        assertThat(sla.alertLines())
                .containsExactly("T-1:RESOLUTION:1:AT_RISK:1 @2026-11-26T01:00:00Z remaining=3600");
    }

    // 5. REOPENED starts a new resolution cycle.

    @Test
    void shouldRunANewResolutionCycleAfterReopen() throws Exception {
        sla.send(
                        created(MONDAY_0900, PHONE, URGENT),
                        responded(plus(MONDAY_0900, "PT10S")),
                        resolved(plus(MONDAY_0900, "PT1H")),
                        reopened(plus(MONDAY_0900, "PT2H")))
                .watermark(plus(MONDAY_0900, "PT26H"))
                .send(resolved(plus(MONDAY_0900, "PT27H")));

        assertThat(sla.alertLines())
                .containsExactly(
                        "T-1:RESOLUTION:2:AT_RISK:1 @2026-11-24T02:00:00Z remaining=3600",
                        "T-1:RESOLUTION:2:BREACHED:1 @2026-11-24T03:00:00Z overdue=0",
                        "T-1:RESOLUTION:2:MET_LATE:1 @2026-11-24T04:00:00Z overdue=3600");
        assertThat(sla.outcomeLines())
                .containsExactly(
                        "T-1:RESPONSE:1 MET elapsed=10 paused=0 late=0 deadline=2026-11-23T01:00:30Z",
                        "T-1:RESOLUTION:1 MET elapsed=3600 paused=0 late=0 deadline=2026-11-24T01:00:00Z",
                        "T-1:RESOLUTION:2 MET_LATE elapsed=90000 paused=0 late=3600 deadline=2026-11-24T03:00:00Z");
    }

    // 6. CANCELLED ends every clock without breach and deletes pending thresholds.

    @Test
    void shouldEndEveryClockWithoutBreachWhenCancelled() throws Exception {
        sla.send(
                        created(MONDAY_0900, PHONE, NORMAL).onsite(),
                        cancelled(plus(MONDAY_0900, "PT10S")))
                .watermark(plus(MONDAY_0900, "PT23H"));

        assertThat(sla.alerts()).isEmpty();
        assertThat(sla.outcomeLines())
                .containsExactly(
                        "T-1:RESPONSE:1 CANCELLED elapsed=10 paused=0 late=0 deadline=2026-11-23T01:00:30Z",
                        "T-1:ARRIVAL:1 CANCELLED elapsed=10 paused=0 late=0 deadline=2026-11-24T01:00:00Z",
                        "T-1:RESOLUTION:1 CANCELLED elapsed=10 paused=0 late=0 deadline=2026-11-24T01:00:00Z");
        assertThat(sla.timers()).as("only the retention timer").isEqualTo(1);
    }

    // 7. A priority change recomputes from the original start; a past deadline breaches at once.

    @Test
    void shouldRecomputeFromTheOriginalStartAndBreachAtOnceWhenThePriorityRises() throws Exception {
        sla.send(
                created(MONDAY_0900, PHONE, NORMAL).onsite(),
                responded(plus(MONDAY_0900, "PT10S")),
                updated(plus(MONDAY_0900, "PT2H")).priority(CRITICAL));

        assertThat(sla.alertLines())
                .containsExactly(
                        "T-1:ARRIVAL:1:AT_RISK:1 @2026-11-23T03:00:00Z remaining=0",
                        "T-1:ARRIVAL:1:BREACHED:1 @2026-11-23T03:00:00Z overdue=3600");
        assertThat(sla.alerts())
                .extracting(Alert::deadline, Alert::targetSeconds, a -> a.attributes().priority())
                .containsOnly(
                        org.assertj.core.groups.Tuple.tuple(
                                at("2026-11-23T10:00:00+08:00"), 3600L, CRITICAL));

        sla.watermark(plus(MONDAY_0900, "PT2H"));
        assertThat(sla.alertLines())
                .last()
                .isEqualTo("T-1:ARRIVAL:1:ESCALATED:2 @2026-11-23T03:00:00Z overdue=3600");
    }

    // 8. A complex ticket's response counts only with an expected resolution time.

    @Test
    void shouldStopTheResponseOfAComplexTicketOnlyWithAnEta() throws Exception {
        sla.send(
                created(MONDAY_0900, CHAT, NORMAL).complexity(COMPLEX),
                responded(plus(MONDAY_0900, "PT1M")),
                responded(plus(MONDAY_0900, "PT2M")).eta(plus(MONDAY_0900, "PT48H")));

        assertThat(sla.outcomeLines())
                .containsExactly(
                        "T-1:RESPONSE:1 MET elapsed=120 paused=0 late=0 deadline=2026-11-23T01:05:00Z");
    }

    @Test
    void shouldStopTheResponseOfAStandardTicketWithoutAnEta() throws Exception {
        sla.send(
                created(MONDAY_0900, CHAT, NORMAL).complexity(Complexity.STANDARD),
                responded(plus(MONDAY_0900, "PT1M")));

        assertThat(sla.outcomeLines())
                .containsExactly(
                        "T-1:RESPONSE:1 MET elapsed=60 paused=0 late=0 deadline=2026-11-23T01:05:00Z");
    }

    // 9. Peak windows extend the targets of tickets created inside them.

    @Test
    void shouldExtendTargetsOfTicketsCreatedInThePeakWindow() throws Exception {
        sla.send(
                        created(SINGLES_DAY_1000, PHONE, URGENT),
                        created(DAY_AFTER_SINGLES_DAY_0000, PHONE, URGENT).ticket("T-2"))
                .watermark(plus(DAY_AFTER_SINGLES_DAY_0000, "PT30S"));

        assertThat(sla.alertLines())
                .containsExactly(
                        "T-1:RESPONSE:1:AT_RISK:1 @2026-11-11T02:00:27Z remaining=9",
                        "T-1:RESPONSE:1:BREACHED:1 @2026-11-11T02:00:36Z overdue=0",
                        "T-1:RESPONSE:1:ESCALATED:2 @2026-11-11T02:01:12Z overdue=36",
                        "T-2:RESPONSE:1:AT_RISK:1 @2026-11-11T16:00:22Z remaining=8",
                        "T-2:RESPONSE:1:BREACHED:1 @2026-11-11T16:00:30Z overdue=0");
        assertThat(sla.alerts())
                .extracting(Alert::targetSeconds)
                .containsExactly(36L, 36L, 36L, 30L, 30L);
    }

    // 10. Alerts carry who holds the ticket at the moment of the alert.

    @Test
    void shouldNameTheHolderAtTheMomentOfTheAlert() throws Exception {
        sla.send(
                        created(MONDAY_0900, PHONE, CRITICAL)
                                .onsite()
                                .agent("a-1")
                                .team("north")
                                .region("pudong"),
                        reassigned(plus(MONDAY_0900, "PT5S"), "a-2").team("escalations"),
                        dispatched(plus(MONDAY_0900, "PT10M"), "t-9"))
                .watermark(plus(MONDAY_0900, "PT30S"));

        assertThat(sla.alerts().get(1))
                .isEqualTo(
                        new Alert(
                                "T-1:RESPONSE:1:BREACHED:1",
                                "T-1",
                                ClockType.RESPONSE,
                                AlertKind.BREACHED,
                                1,
                                1,
                                MONDAY_0900,
                                plus(MONDAY_0900, "PT30S"),
                                plus(MONDAY_0900, "PT30S"),
                                30,
                                0L,
                                null,
                                null,
                                null,
                                null,
                                null,
                                new TicketAttributes(
                                        PHONE,
                                        CRITICAL,
                                        Complexity.STANDARD,
                                        "a-2",
                                        null,
                                        "escalations",
                                        "pudong",
                                        "2026.11-1",
                                        null)));

        sla.watermark(plus(MONDAY_0900, "PT1H"));
        assertThat(sla.alerts())
                .filteredOn(a -> a.alertId().equals("T-1:ARRIVAL:1:BREACHED:1"))
                .extracting(a -> a.attributes().techId(), a -> a.attributes().agentId())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t-9", "a-2"));
    }

    // 11. Duplicates change nothing.

    @Test
    void shouldIgnoreARepeatedEventId() throws Exception {
        sla.send(
                created(MONDAY_0900, PHONE, URGENT).id("e-1"),
                created(MONDAY_0900, PHONE, URGENT).id("e-1"),
                responded(plus(MONDAY_0900, "PT40S")).id("e-2"),
                responded(plus(MONDAY_0900, "PT10S")).id("e-2"));

        assertThat(sla.outcomeLines())
                .containsExactly(
                        "T-1:RESPONSE:1 MET_LATE elapsed=40 paused=0 late=10 deadline=2026-11-23T01:00:30Z");
        assertThat(sla.quarantine()).isEmpty();
    }

    // 12. Out of order: held until CREATED, or quarantined as orphans after the timeout.

    @Test
    void shouldHoldAnEventThatComesBeforeItsCreated() throws Exception {
        sla.send(responded(plus(MONDAY_0900, "PT10S")), created(MONDAY_0900, PHONE, URGENT));

        assertThat(sla.outcomeLines())
                .containsExactly(
                        "T-1:RESPONSE:1 MET elapsed=10 paused=0 late=0 deadline=2026-11-23T01:00:30Z");
    }

    @Test
    void shouldQuarantineOrphansAfterTheTimeoutAndLeaveNothingBehind() throws Exception {
        sla.send(responded(MONDAY_0900).ticket("T-9").id("e-9"))
                .watermark(plus(MONDAY_0900, "PT59M59S"));
        assertThat(sla.quarantine()).isEmpty();

        sla.watermark(plus(MONDAY_0900, "PT1H"));

        assertThat(sla.quarantine())
                .extracting(
                        q -> q.reason(),
                        q -> q.detail(),
                        q -> q.eventId(),
                        q -> q.ticketId(),
                        q -> q.quarantinedAt())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                QuarantineReason.ORPHAN,
                                "no CREATED for ticket T-9 within PT1H",
                                "e-9",
                                "T-9",
                                SlaHarness.QUARANTINED_AT));
        assertThat(sla.quarantine().get(0).payload())
                .isEqualTo(
                        "{\"eventId\":\"e-9\",\"ticketId\":\"T-9\",\"type\":\"RESPONDED\",\"occurredAt\":\"2026-11-23T01:00:00Z\"}");
        assertThat(sla.stateEntries()).isZero();
        assertThat(sla.timers()).isZero();
    }

    // 13. A late stop before an alerted deadline retracts the breach and escalations.

    @Test
    void shouldRetractTheBreachWhenALateResponseWasInTime() throws Exception {
        sla.send(created(MONDAY_0900, PHONE, URGENT))
                .watermark(plus(MONDAY_0900, "PT31S"))
                .send(responded(plus(MONDAY_0900, "PT25S")));

        assertThat(sla.alertLines())
                .containsExactly(
                        "T-1:RESPONSE:1:AT_RISK:1 @2026-11-23T01:00:22Z remaining=8",
                        "T-1:RESPONSE:1:BREACHED:1 @2026-11-23T01:00:30Z overdue=0",
                        "T-1:RESPONSE:1:RETRACTED:1 @2026-11-23T01:00:25Z retracts=T-1:RESPONSE:1:BREACHED:1");
        assertThat(sla.outcomeLines())
                .containsExactly(
                        "T-1:RESPONSE:1 MET elapsed=25 paused=0 late=0 deadline=2026-11-23T01:00:30Z");
    }

    @Test
    void shouldRetractTheEscalationTooWhenALateResponseWasInTime() throws Exception {
        sla.send(created(MONDAY_0900, PHONE, URGENT))
                .watermark(plus(MONDAY_0900, "PT61S"))
                .send(responded(plus(MONDAY_0900, "PT29S")));

        assertThat(sla.alertLines())
                .containsExactly(
                        "T-1:RESPONSE:1:AT_RISK:1 @2026-11-23T01:00:22Z remaining=8",
                        "T-1:RESPONSE:1:BREACHED:1 @2026-11-23T01:00:30Z overdue=0",
                        "T-1:RESPONSE:1:ESCALATED:2 @2026-11-23T01:01:00Z overdue=30",
                        "T-1:RESPONSE:1:RETRACTED:1 @2026-11-23T01:00:29Z retracts=T-1:RESPONSE:1:BREACHED:1",
                        "T-1:RESPONSE:1:RETRACTED:2 @2026-11-23T01:00:29Z retracts=T-1:RESPONSE:1:ESCALATED:2");
        assertThat(sla.tallyLines())
                .as("the retractions take the breach and escalation off the tallies")
                .last()
                .isEqualTo("T-1:RESPONSE:1 MET onTime=1");
    }

    // 14. Cleanup: nothing is left of a closed ticket, nor of one never closed.

    @Test
    void shouldClearStateAndTimersOnceTheRetentionAfterClosedHasPassed() throws Exception {
        sla.send(
                        created(MONDAY_0900, PHONE, URGENT),
                        responded(plus(MONDAY_0900, "PT10S")),
                        resolved(plus(MONDAY_0900, "PT1H")),
                        closed(plus(MONDAY_0900, "PT2H")))
                .watermark(plus(MONDAY_0900, "PT25H59M59S"));
        assertThat(sla.stateEntries()).isEqualTo(1);
        assertThat(sla.timers()).isEqualTo(1);

        sla.watermark(plus(MONDAY_0900, "PT26H"));

        assertThat(sla.stateEntries()).isZero();
        assertThat(sla.timers()).isZero();
        assertThat(sla.alerts()).isEmpty();
    }

    @Test
    void shouldClearATicketNeverClosedAfterTheSafetyHorizon() throws Exception {
        sla.send(
                        created(MONDAY_0900, PHONE, URGENT),
                        responded(plus(MONDAY_0900, "PT10S")),
                        resolved(plus(MONDAY_0900, "PT1H")))
                .watermark(plus(MONDAY_0900, "P89DT23H"));
        assertThat(sla.stateEntries()).isEqualTo(1);

        sla.watermark(plus(MONDAY_0900, "P90D"));

        assertThat(sla.stateEntries()).isZero();
        assertThat(sla.timers()).isZero();
    }

    // The "at risk now" view: a clock is reported from its first warning on, and when it ends.

    @Test
    void shouldReportAClockFromItsWarningOnAndNotWhileItIsQuiet() throws Exception {
        sla.send(created(MONDAY_0900, PHONE, URGENT))
                .watermark(plus(MONDAY_0900, "PT31S"))
                .send(responded(plus(MONDAY_0900, "PT40S")), paused(plus(MONDAY_0900, "PT1M")));

        assertThat(sla.clockLines())
                .containsExactly(
                        "T-1:RESPONSE:1 AT_RISK @2026-11-23T01:00:22Z remaining=8",
                        "T-1:RESPONSE:1 BREACHED @2026-11-23T01:00:30Z remaining=0",
                        "T-1:RESPONSE:1 MET_LATE @2026-11-23T01:00:40Z overdue=10");
    }

    @Test
    void shouldReportACycleMetInTimeOnceWhenItEndsAndCountItForItsAgent() throws Exception {
        sla.send(
                created(MONDAY_0900, PHONE, URGENT).agent("a-17"),
                responded(plus(MONDAY_0900, "PT10S")));

        assertThat(sla.clockLines())
                .containsExactly("T-1:RESPONSE:1 MET @2026-11-23T01:00:10Z remaining=20");
        assertThat(sla.tallyLines()).containsExactly("T-1:RESPONSE:1 MET onTime=1");
        assertThat(sla.samples())
                .extracting(sample -> sample.kind() + " " + sample.clock())
                .as("the agent's day counts the response")
                .containsExactly("MET RESPONSE");
    }

    @Test
    void shouldTallyTheBreachAndEscalationOnTheViewsUntilTheCycleEndsLate() throws Exception {
        sla.send(created(MONDAY_0900, PHONE, URGENT))
                .watermark(plus(MONDAY_0900, "PT60S"))
                .send(responded(plus(MONDAY_0900, "PT70S")));

        assertThat(sla.tallyLines())
                .containsExactly(
                        "T-1:RESPONSE:1 AT_RISK",
                        "T-1:RESPONSE:1 BREACHED breachedAt=2026-11-23T01:00:30Z",
                        "T-1:RESPONSE:1 ESCALATED breachedAt=2026-11-23T01:00:30Z"
                                + " escalatedAt=2026-11-23T01:01:00Z escalations=1",
                        "T-1:RESPONSE:1 MET_LATE breachedAt=2026-11-23T01:00:30Z"
                                + " escalatedAt=2026-11-23T01:01:00Z escalations=1 onTime=0");
        assertThat(sla.samples()).as("no agent, no technician: no bucket counts it").isEmpty();
    }

    @Test
    void shouldTakeAnAtRiskClockOffTheViewWhilePausedAndPutItBackWhenResumed() throws Exception {
        sla.send(created(MONDAY_0900, PHONE, URGENT), responded(plus(MONDAY_0900, "PT10S")))
                .watermark(plus(MONDAY_0900, "PT23H"))
                .send(
                        paused(plus(MONDAY_0900, "PT23H10M")),
                        resumed(plus(MONDAY_0900, "PT23H20M")));

        assertThat(sla.clockLines())
                .containsExactly(
                        "T-1:RESPONSE:1 MET @2026-11-23T01:00:10Z remaining=20",
                        "T-1:RESOLUTION:1 AT_RISK @2026-11-24T00:00:00Z remaining=3600",
                        "T-1:RESOLUTION:1 PAUSED @2026-11-24T00:10:00Z remaining=3000",
                        "T-1:RESOLUTION:1 AT_RISK @2026-11-24T00:20:00Z remaining=3000");
    }

    @Test
    void shouldReportANewHolderOfAnAtRiskClockButNotOfAQuietOne() throws Exception {
        sla.send(created(MONDAY_0900, PHONE, URGENT).agent("a-1"))
                .watermark(plus(MONDAY_0900, "PT23S"))
                .send(reassigned(plus(MONDAY_0900, "PT25S"), "a-2"));

        assertThat(sla.clocks())
                .extracting(
                        view ->
                                view.clockId()
                                        + " "
                                        + view.phase()
                                        + " "
                                        + view.attributes().agentId())
                .containsExactly("T-1:RESPONSE:1 AT_RISK a-1", "T-1:RESPONSE:1 AT_RISK a-2");
    }

    // The end of a bounded input is not the end of time.

    @Test
    void shouldReportOpenClocksAsRunningAtTheEndOfInputWithoutAlerts() throws Exception {
        sla.send(created(MONDAY_0900, PHONE, URGENT), responded(plus(MONDAY_0900, "PT10S")))
                .endOfInput();

        assertThat(sla.alerts()).isEmpty();
        assertThat(sla.outcomeLines())
                .containsExactly(
                        "T-1:RESPONSE:1 MET elapsed=10 paused=0 late=0 deadline=2026-11-23T01:00:30Z",
                        "T-1:RESOLUTION:1 RUNNING elapsed=10 paused=0 late=0 deadline=2026-11-24T01:00:00Z");
        assertThat(sla.stateEntries()).isZero();
        assertThat(sla.timers()).isZero();
    }

    // A restore under a policy that lost what open tickets run on is refused at start.

    @Test
    void shouldRefuseARestoreWithoutVersionsUnderAPolicyLackingACalendarOrClockOpenTicketsUse()
            throws Exception {
        OperatorSubtaskState savepoint;
        try (SlaHarness before = SlaHarness.withScenarioPolicy()) {
            before.send(
                    created(FRIDAY_1700, EMAIL, NORMAL).ticket("T-1"),
                    created(MONDAY_0900, PHONE, URGENT).ticket("T-2").onsite());
            savepoint = before.snapshot();
        }

        assertThatThrownBy(
                        () ->
                                SlaHarness.restoredUnder(
                                        SlaHarness.WITHOUT_OFFICE_AND_ARRIVAL, savepoint))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "cannot restore under policy 2026.12-1: open clock cycles run 1 on"
                                + " calendar 'office', 1 on clock ARRIVAL, which it does not"
                                + " define. This savepoint was taken before policy versions were"
                                + " kept in it, so its open tickets run on the policy given now:"
                                + " start with a policy that still defines them (add them back,"
                                + " unchanged), or from a savepoint taken after those tickets"
                                + " closed.");
    }

    @Test
    void shouldRunARestoredTicketOnItsPublishedVersionWhenTheStartPolicyLacksItsCalendar()
            throws Exception {
        OperatorSubtaskState savepoint;
        try (SlaHarness before = SlaHarness.withScenarioPolicy()) {
            before.publish(SlaHarness.SCENARIO_POLICY, EARLIER)
                    .send(created(FRIDAY_1700, EMAIL, NORMAL).ticket("T-1"));
            savepoint = before.snapshot();
        }

        try (SlaHarness after =
                SlaHarness.restoredUnder(SlaHarness.WITHOUT_OFFICE_AND_ARRIVAL, savepoint)) {
            after.watermark(NEXT_MONDAY_1200);

            // The savepoint holds version 2026.11-1 whole, its office calendar included.
            assertThat(after.alertLines())
                    .containsExactly(
                            "T-1:RESOLUTION:1:AT_RISK:1 @2026-11-28T08:00:00Z remaining=3600",
                            "T-1:RESOLUTION:1:BREACHED:1 @2026-11-28T09:00:00Z overdue=0",
                            "T-1:RESOLUTION:1:ESCALATED:2 @2026-11-29T09:00:00Z overdue=86400",
                            "T-1:RESPONSE:1:AT_RISK:1 @2026-11-30T03:00:00Z remaining=3600",
                            "T-1:RESPONSE:1:BREACHED:1 @2026-11-30T04:00:00Z overdue=0");
        }
    }

    @Test
    void shouldRestoreUnderAPolicyLackingOnlyWhatNoOpenTicketUses() throws Exception {
        OperatorSubtaskState savepoint;
        try (SlaHarness before = SlaHarness.withScenarioPolicy()) {
            before.send(
                    created(FRIDAY_1700, EMAIL, NORMAL).ticket("T-1"),
                    responded(plus(FRIDAY_1700, "PT1M")).ticket("T-1"),
                    created(MONDAY_0900, PHONE, URGENT).ticket("T-2"));
            savepoint = before.snapshot();
        }

        try (SlaHarness after =
                SlaHarness.restoredUnder(SlaHarness.WITHOUT_OFFICE_AND_ARRIVAL, savepoint)) {
            after.send(responded(plus(MONDAY_0900, "PT10S")).ticket("T-2"));

            assertThat(after.outcomeLines())
                    .containsExactly(
                            "T-2:RESPONSE:1 MET elapsed=10 paused=0 late=0"
                                    + " deadline=2026-11-23T01:00:30Z");
        }
    }
}

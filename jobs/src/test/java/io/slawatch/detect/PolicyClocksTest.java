package io.slawatch.detect;

import static io.slawatch.detect.TicketEvents.MONDAY_0900;
import static io.slawatch.detect.TicketEvents.SATURDAY_1100;
import static io.slawatch.detect.TicketEvents.WEDNESDAY_1005;
import static io.slawatch.detect.TicketEvents.agentMessage;
import static io.slawatch.detect.TicketEvents.at;
import static io.slawatch.detect.TicketEvents.closed;
import static io.slawatch.detect.TicketEvents.complaint;
import static io.slawatch.detect.TicketEvents.complaintAnswered;
import static io.slawatch.detect.TicketEvents.created;
import static io.slawatch.detect.TicketEvents.customerMessage;
import static io.slawatch.detect.TicketEvents.customerUpdated;
import static io.slawatch.detect.TicketEvents.plus;
import static io.slawatch.detect.TicketEvents.reopened;
import static io.slawatch.detect.TicketEvents.resolved;
import static io.slawatch.detect.TicketEvents.updated;
import static io.slawatch.model.Channel.CHAT;
import static io.slawatch.model.Channel.EMAIL;
import static io.slawatch.model.Channel.PHONE;
import static io.slawatch.model.Complexity.COMPLEX;
import static io.slawatch.model.Complexity.STANDARD;
import static io.slawatch.model.Priority.NORMAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clocks the shipped policy defines of its own (COMPLAINT_REPLY, NEXT_REPLY, PERIODIC_UPDATE),
 * in Flink's operator harness. Only the clock under test is asserted: the built-in clocks run
 * beside it as their own scenarios describe.
 */
class PolicyClocksTest {

    SlaHarness sla;

    @BeforeEach
    void openHarness() throws Exception {
        sla = SlaHarness.withDefaultPolicy();
    }

    @AfterEach
    void closeHarness() throws Exception {
        sla.close();
    }

    private List<String> alertsOf(String clock) {
        return sla.alertLines().stream().filter(line -> line.contains(":" + clock + ":")).toList();
    }

    private List<String> outcomesOf(String clock) {
        return sla.outcomeLines().stream()
                .filter(line -> line.contains(":" + clock + ":"))
                .toList();
    }

    // COMPLAINT_REPLY: within 2 working days of the office calendar.

    @Test
    void shouldBreachAComplaintUnansweredByTheEndOfTheSecondWorkingDay() throws Exception {
        sla.send(created(MONDAY_0900, PHONE, NORMAL), complaint(WEDNESDAY_1005))
                .watermark(at("2026-12-01T09:00:00+08:00"));

        // Friday 18:00 closes the 2nd working day; the escalation comes 8 office hours later.
        assertThat(alertsOf("COMPLAINT_REPLY"))
                .containsExactly(
                        "T-1:COMPLAINT_REPLY:1:AT_RISK:1 @2026-11-27T08:00:00Z remaining=7200",
                        "T-1:COMPLAINT_REPLY:1:BREACHED:1 @2026-11-27T10:00:00Z overdue=0",
                        "T-1:COMPLAINT_REPLY:1:ESCALATED:2 @2026-11-30T10:00:00Z overdue=259200");
    }

    @Test
    void shouldCountMondayAsTheFirstWorkingDayOfASaturdayComplaint() throws Exception {
        sla.send(
                created(SATURDAY_1100, PHONE, NORMAL),
                complaint(SATURDAY_1100),
                complaintAnswered(at("2026-12-01T17:59:00+08:00")));

        assertThat(outcomesOf("COMPLAINT_REPLY"))
                .containsExactly(
                        "T-1:COMPLAINT_REPLY:1 MET elapsed=57540 paused=0 late=0"
                                + " deadline=2026-12-01T10:00:00Z");
        assertThat(alertsOf("COMPLAINT_REPLY"))
                .containsExactly(
                        "T-1:COMPLAINT_REPLY:1:AT_RISK:1 @2026-12-01T08:00:00Z remaining=7200");
    }

    // NEXT_REPLY: each customer message is owed a reply (CHAT 5 min, EMAIL 4 office hours).

    @Test
    void shouldStartANewReplyCycleForEachCustomerMessageAnsweredLate() throws Exception {
        sla.send(
                created(MONDAY_0900, CHAT, NORMAL),
                customerMessage(plus(MONDAY_0900, "PT1M")),
                agentMessage(plus(MONDAY_0900, "PT4M")),
                customerMessage(plus(MONDAY_0900, "PT10M")),
                customerMessage(plus(MONDAY_0900, "PT12M")),
                agentMessage(plus(MONDAY_0900, "PT16M")));

        // The second message while a reply is owed does not restart the wait.
        assertThat(outcomesOf("NEXT_REPLY"))
                .containsExactly(
                        "T-1:NEXT_REPLY:1 MET elapsed=180 paused=0 late=0"
                                + " deadline=2026-11-23T01:06:00Z",
                        "T-1:NEXT_REPLY:2 MET_LATE elapsed=360 paused=0 late=60"
                                + " deadline=2026-11-23T01:15:00Z");
        assertThat(alertsOf("NEXT_REPLY"))
                .containsExactly(
                        "T-1:NEXT_REPLY:2:AT_RISK:1 @2026-11-23T01:14:00Z remaining=60",
                        "T-1:NEXT_REPLY:2:BREACHED:1 @2026-11-23T01:15:00Z overdue=0",
                        "T-1:NEXT_REPLY:2:MET_LATE:1 @2026-11-23T01:16:00Z overdue=60");
    }

    @Test
    void shouldOweAnEmailReplyInOfficeHoursOnly() throws Exception {
        sla.send(
                created(MONDAY_0900, EMAIL, NORMAL),
                customerMessage(at("2026-11-23T17:00:00+08:00")),
                agentMessage(at("2026-11-24T11:30:00+08:00")));

        // 17:00–18:00 Monday and 09:00–11:30 Tuesday: 3 h 30 min of a 4 h target.
        assertThat(outcomesOf("NEXT_REPLY"))
                .containsExactly(
                        "T-1:NEXT_REPLY:1 MET elapsed=12600 paused=0 late=0"
                                + " deadline=2026-11-24T04:00:00Z");
    }

    @Test
    void shouldNotOweARepliedMessageOnAChannelTheClockDoesNotApplyTo() throws Exception {
        sla.send(created(MONDAY_0900, PHONE, NORMAL), customerMessage(plus(MONDAY_0900, "PT1M")))
                .watermark(plus(MONDAY_0900, "PT8H"));

        assertThat(alertsOf("NEXT_REPLY")).isEmpty();
        assertThat(sla.clockLines()).noneMatch(line -> line.contains(":NEXT_REPLY:"));
    }

    // PERIODIC_UPDATE: a COMPLEX ticket's customer is updated at least every 8 hours.

    @Test
    void shouldRenewThePeriodicUpdateOnEachCustomerUpdate() throws Exception {
        sla.send(
                        created(MONDAY_0900, PHONE, NORMAL).complexity(COMPLEX),
                        customerUpdated(plus(MONDAY_0900, "PT6H")))
                .watermark(plus(MONDAY_0900, "PT14H30M"))
                .send(resolved(plus(MONDAY_0900, "PT15H")));

        assertThat(outcomesOf("PERIODIC_UPDATE"))
                .containsExactly(
                        "T-1:PERIODIC_UPDATE:1 MET elapsed=21600 paused=0 late=0"
                                + " deadline=2026-11-23T09:00:00Z",
                        "T-1:PERIODIC_UPDATE:2 MET_LATE elapsed=32400 paused=0 late=3600"
                                + " deadline=2026-11-23T15:00:00Z");
        assertThat(alertsOf("PERIODIC_UPDATE"))
                .containsExactly(
                        "T-1:PERIODIC_UPDATE:2:AT_RISK:1 @2026-11-23T14:00:00Z remaining=3600",
                        "T-1:PERIODIC_UPDATE:2:BREACHED:1 @2026-11-23T15:00:00Z overdue=0",
                        "T-1:PERIODIC_UPDATE:2:MET_LATE:1 @2026-11-23T16:00:00Z overdue=3600");
        assertThat(sla.clockLines())
                .filteredOn(line -> line.contains(":PERIODIC_UPDATE:1 "))
                .last()
                .isEqualTo("T-1:PERIODIC_UPDATE:1 MET @2026-11-23T07:00:00Z remaining=7200");
    }

    @Test
    void shouldStartThePeriodicUpdateWhenATicketBecomesComplexAndEndItWhenItIsNoLonger()
            throws Exception {
        sla.send(
                created(MONDAY_0900, PHONE, NORMAL),
                updated(plus(MONDAY_0900, "PT2H")).complexity(COMPLEX),
                updated(plus(MONDAY_0900, "PT3H")).complexity(STANDARD),
                customerUpdated(plus(MONDAY_0900, "PT4H")));

        assertThat(outcomesOf("PERIODIC_UPDATE"))
                .containsExactly(
                        "T-1:PERIODIC_UPDATE:1 CANCELLED elapsed=3600 paused=0 late=0"
                                + " deadline=2026-11-23T11:00:00Z");
    }

    @Test
    void shouldRestartThePeriodicUpdateWhenAResolvedTicketReopens() throws Exception {
        sla.send(
                created(MONDAY_0900, PHONE, NORMAL).complexity(COMPLEX),
                resolved(plus(MONDAY_0900, "PT2H")),
                customerUpdated(plus(MONDAY_0900, "PT3H")),
                reopened(plus(MONDAY_0900, "PT4H")),
                customerUpdated(plus(MONDAY_0900, "PT5H")));

        // An update after the resolution owes nothing; the reopened ticket's promise starts again.
        assertThat(outcomesOf("PERIODIC_UPDATE"))
                .containsExactly(
                        "T-1:PERIODIC_UPDATE:1 MET elapsed=7200 paused=0 late=0"
                                + " deadline=2026-11-23T09:00:00Z",
                        "T-1:PERIODIC_UPDATE:2 MET elapsed=3600 paused=0 late=0"
                                + " deadline=2026-11-23T13:00:00Z");
    }

    @Test
    void shouldLeaveNoTimerAndNoStateOnceAClosedTicketsRetentionHasPassed() throws Exception {
        sla.send(
                        created(MONDAY_0900, CHAT, NORMAL).complexity(COMPLEX),
                        complaint(plus(MONDAY_0900, "PT1H")),
                        customerMessage(plus(MONDAY_0900, "PT2H")),
                        closed(plus(MONDAY_0900, "PT3H")))
                .watermark(plus(MONDAY_0900, "PT27H"));

        assertThat(outcomesOf("COMPLAINT_REPLY"))
                .hasSize(1)
                .allMatch(o -> o.contains(" CANCELLED"));
        assertThat(outcomesOf("NEXT_REPLY")).hasSize(1).allMatch(o -> o.contains(" CANCELLED"));
        assertThat(outcomesOf("PERIODIC_UPDATE"))
                .hasSize(1)
                .allMatch(o -> o.contains(" CANCELLED"));
        assertThat(sla.timers()).isZero();
        assertThat(sla.stateEntries()).isZero();
    }
}

package io.slawatch.detect;

import static io.slawatch.detect.TicketEvents.MONDAY_0900;
import static io.slawatch.detect.TicketEvents.created;
import static io.slawatch.detect.TicketEvents.responded;
import static io.slawatch.model.Channel.PHONE;
import static io.slawatch.model.Priority.URGENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.TicketEvent;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.state.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The engine without Flink: what the job counts, and the story explain prints. */
class TicketSlaTest {

    final List<String> recorded = new ArrayList<>();
    final SlaOutput recorder =
            new SlaOutput() {
                @Override
                public void alert(Alert alert) {
                    recorded.add("alert " + alert.alertId());
                }

                @Override
                public void outcome(ClockOutcome outcome) {
                    recorded.add("outcome " + outcome.outcomeId() + " " + outcome.status());
                }

                @Override
                public void quarantine(TicketEvent event, QuarantineReason reason, String detail) {
                    recorded.add("quarantine " + event.eventId() + " " + reason + ": " + detail);
                }

                @Override
                public void duplicate(TicketEvent event) {
                    recorded.add("duplicate " + event.eventId());
                }

                @Override
                public void expired(String ticketId) {
                    recorded.add("expired " + ticketId);
                }

                @Override
                public void trace(Instant at, Supplier<String> story) {
                    recorded.add(at + " " + story.get());
                }
            };

    @Test
    void shouldCountDuplicatesAndQuarantineASecondCreated() throws Exception {
        TicketSla sla = new TicketSla(PolicyLoader.load(SlaHarness.SCENARIO_POLICY));
        TicketState state = new TicketState();

        sla.onEvent(state, created(MONDAY_0900, PHONE, URGENT).id("e-1").build(), recorder);
        recorded.clear();
        sla.onEvent(state, created(MONDAY_0900, PHONE, URGENT).id("e-1").build(), recorder);
        sla.onEvent(state, created(MONDAY_0900, PHONE, URGENT).id("e-3").build(), recorder);

        assertThat(recorded)
                .containsExactly(
                        "duplicate e-1",
                        "quarantine e-3 BAD_VALUE: ticket T-1 was already created at 2026-11-23T01:00:00Z");
    }

    @Test
    void shouldTellTheStoryOfATicket() throws Exception {
        TicketSla sla = new TicketSla(PolicyLoader.load(SlaHarness.SCENARIO_POLICY));
        TicketState state = new TicketState();

        sla.onEvent(state, created(MONDAY_0900, PHONE, URGENT).build(), recorder);
        sla.onEvent(state, responded(MONDAY_0900.plus(Duration.ofSeconds(40))).build(), recorder);

        assertThat(recorded)
                .containsExactly(
                        "2026-11-23T01:00:00Z CREATED: channel PHONE, priority URGENT, complexity STANDARD, policy 2026.11-1",
                        "2026-11-23T01:00:00Z RESPONSE cycle 1 starts: target PT30S (policy line "
                                + lineOf("{channel: PHONE")
                                + " for PHONE/URGENT/STANDARD), calendar 24x7 (Asia/Shanghai, always open); AT_RISK 1 at 2026-11-23T01:00:22Z; deadline at 2026-11-23T01:00:30Z; ESCALATED 2 at 2026-11-23T01:01:00Z",
                        "2026-11-23T01:00:00Z RESOLUTION cycle 1 starts: target PT24H (policy line "
                                + lineOf("{complexity: STANDARD")
                                + " for PHONE/URGENT/STANDARD), calendar 24x7 (Asia/Shanghai, always open); AT_RISK 1 at 2026-11-24T00:00:00Z; deadline at 2026-11-24T01:00:00Z; ESCALATED 2 at 2026-11-25T01:00:00Z",
                        "alert T-1:RESPONSE:1:AT_RISK:1",
                        "alert T-1:RESPONSE:1:BREACHED:1",
                        "alert T-1:RESPONSE:1:MET_LATE:1",
                        "2026-11-23T01:00:40Z RESPONSE met late: PT10S after the deadline",
                        "outcome T-1:RESPONSE:1 MET_LATE");
    }

    @Test
    void shouldCountATicketClearedAtTheSafetyHorizon() throws Exception {
        TicketSla sla = new TicketSla(PolicyLoader.load(SlaHarness.SCENARIO_POLICY));
        TicketState state = new TicketState();
        sla.onEvent(state, created(MONDAY_0900, PHONE, URGENT).build(), recorder);
        recorded.clear();

        long horizon = MONDAY_0900.plus(sla.policy().safetyHorizon()).toEpochMilli();

        assertThat(sla.onTimer(state, "T-1", horizon - 1000, silent()))
                .isEqualTo(TicketSla.Next.KEEP);
        assertThat(sla.onTimer(state, "T-1", horizon, recorder)).isEqualTo(TicketSla.Next.CLEAR);
        assertThat(recorded)
                .containsExactly(
                        "2027-02-21T01:00:00Z open longer than the safety horizon PT2160H: cleared",
                        "expired T-1");
    }

    /** The line of the scenario policy on which {@code fragment} stands. */
    private static int lineOf(String fragment) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(SlaHarness.SCENARIO_POLICY);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(fragment);
    }

    private static SlaOutput silent() {
        return new SlaOutput() {
            @Override
            public void alert(Alert alert) {}

            @Override
            public void outcome(ClockOutcome outcome) {}

            @Override
            public void quarantine(TicketEvent event, QuarantineReason reason, String detail) {}

            @Override
            public void duplicate(TicketEvent event) {}

            @Override
            public void expired(String ticketId) {}
        };
    }
}

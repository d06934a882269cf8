package io.slawatch.notify;

import static io.slawatch.notify.NotifyScenarios.breached;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.serde.Json;
import org.junit.jupiter.api.Test;

class PagerDutyEventsTest {

    static final String ROUTING_KEY = "R0UT1NGKEY";

    @Test
    void shouldTriggerABreachUnderItsCyclesDedupKey() throws Exception {
        assertThat(
                        Json.mapper()
                                .readTree(
                                        PagerDutyEvents.body(
                                                Delivery.of(
                                                        "on-call",
                                                        DeliveryAction.FIRING,
                                                        breached(),
                                                        0),
                                                ROUTING_KEY,
                                                "https://slawatch.example.com/test")))
                .isEqualTo(
                        Json.mapper()
                                .readTree(
                                        """
                                        {"routing_key": "R0UT1NGKEY", "event_action": "trigger",
                                         "dedup_key": "T-1:RESPONSE:1",
                                         "payload": {"summary": "SLA breached: ticket T-1 RESPONSE cycle 1 (PHONE, URGENT)",
                                                     "source": "https://slawatch.example.com/test",
                                                     "severity": "critical",
                                                     "timestamp": "2026-11-23T01:00:30Z",
                                                     "custom_details": %s}}
                                        """
                                                .formatted(
                                                        Json.mapper()
                                                                .writeValueAsString(breached()))));
    }

    @Test
    void shouldResolveTheSameIncident() throws Exception {
        assertThat(
                        Json.mapper()
                                .readTree(
                                        PagerDutyEvents.body(
                                                Delivery.of(
                                                        "on-call",
                                                        DeliveryAction.RESOLVED,
                                                        breached(),
                                                        0),
                                                ROUTING_KEY,
                                                "https://slawatch.example.com/test")))
                .isEqualTo(
                        Json.mapper()
                                .readTree(
                                        """
                                        {"routing_key": "R0UT1NGKEY", "event_action": "resolve",
                                         "dedup_key": "T-1:RESPONSE:1"}
                                        """));
    }
}

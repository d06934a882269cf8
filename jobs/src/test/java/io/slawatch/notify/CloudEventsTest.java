package io.slawatch.notify;

import static io.slawatch.notify.NotifyScenarios.breached;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.serde.Json;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

    @Test
    void shouldWrapABreachInAStructuredCloudEvent() throws Exception {
        assertThat(
                        Json.mapper()
                                .readTree(
                                        CloudEvents.body(
                                                breached(), "https://slawatch.example.com/test")))
                .isEqualTo(
                        Json.mapper()
                                .readTree(
                                        """
                                        {"specversion": "1.0",
                                         "id": "T-1:RESPONSE:1:BREACHED:1",
                                         "source": "https://slawatch.example.com/test",
                                         "type": "io.slawatch.alert.breached",
                                         "subject": "T-1",
                                         "time": "2026-11-23T01:00:30Z",
                                         "datacontenttype": "application/json",
                                         "data": {"alertId": "T-1:RESPONSE:1:BREACHED:1",
                                                  "ticketId": "T-1", "clock": "RESPONSE",
                                                  "kind": "BREACHED", "level": 1, "cycle": 1,
                                                  "startedAt": "2026-11-23T01:00:00Z",
                                                  "deadline": "2026-11-23T01:00:30Z",
                                                  "eventTime": "2026-11-23T01:00:30Z",
                                                  "targetSeconds": 30, "overdueSeconds": 0,
                                                  "channel": "PHONE", "priority": "URGENT",
                                                  "complexity": "STANDARD", "agentId": "a-1",
                                                  "team": "hotline", "region": "pudong",
                                                  "policyVersion": "2026.11-1"}}
                                        """));
    }
}

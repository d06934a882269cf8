package io.slawatch.notify;

import static io.slawatch.notify.NotifyScenarios.OPS;
import static io.slawatch.notify.NotifyScenarios.breached;
import static io.slawatch.notify.NotifyScenarios.escalated;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.serde.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertmanagerAlertsTest {

    static final Instant SENT_AT = Instant.parse("2026-11-23T01:05:00Z");

    static final String BREACH_LABELS =
            """
            "labels": {"alertname": "SlaBreached", "ticketId": "T-1", "clock": "RESPONSE",
                       "cycle": "1", "channel": "PHONE", "priority": "URGENT", "team": "hotline",
                       "region": "pudong", "severity": "critical", "level": "1"},
            "annotations": {"summary": "SLA breached: ticket T-1 RESPONSE cycle 1 (PHONE, URGENT)",
                            "description": "Deadline 2026-11-23T01:00:30Z, target 30 s, overdue 0 s; held by agent a-1, team hotline."},
            "startsAt": "2026-11-23T01:00:30Z",
            "generatorURL": "http://grafana:3000/d/control-room?var-ticket=T-1"
            """;

    @Test
    void shouldLabelAFiringBreachForRouting() throws Exception {
        assertThat(
                        Json.mapper()
                                .readTree(
                                        AlertmanagerAlerts.body(
                                                List.of(
                                                        Delivery.of(
                                                                "ops",
                                                                DeliveryAction.FIRING,
                                                                breached(),
                                                                0)),
                                                OPS,
                                                SENT_AT)))
                .isEqualTo(Json.mapper().readTree("[{" + BREACH_LABELS + "}]"));
    }

    @Test
    void shouldResolveWithTheSameLabelsAndEndsAtNow() throws Exception {
        assertThat(
                        Json.mapper()
                                .readTree(
                                        AlertmanagerAlerts.body(
                                                List.of(
                                                        Delivery.of(
                                                                "ops",
                                                                DeliveryAction.RESOLVED,
                                                                breached(),
                                                                0)),
                                                OPS,
                                                SENT_AT)))
                .isEqualTo(
                        Json.mapper()
                                .readTree(
                                        "[{"
                                                + BREACH_LABELS
                                                + ", \"endsAt\": \"2026-11-23T01:05:00Z\"}]"));
    }

    @Test
    void shouldNameAnEscalationByItsLevel() {
        var alert =
                AlertmanagerAlerts.alert(
                        Delivery.of("ops", DeliveryAction.FIRING, escalated(), 0), OPS, SENT_AT);

        assertThat(alert.at("/labels/alertname").asText()).isEqualTo("SlaEscalated");
        assertThat(alert.at("/labels/level").asText()).isEqualTo("2");
        assertThat(alert.at("/annotations/summary").asText())
                .isEqualTo(
                        "SLA breach escalated to level 2: ticket T-1 RESPONSE cycle 1 (PHONE,"
                                + " URGENT), 1 min overdue");
    }
}

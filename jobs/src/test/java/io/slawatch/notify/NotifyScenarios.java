package io.slawatch.notify;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.Channel;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.Priority;
import io.slawatch.model.TicketAttributes;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The notifier tests' vocabulary: named instants, alerts and outcomes of one PHONE ticket. */
final class NotifyScenarios {

    static final Instant MONDAY_0900 = Instant.parse("2026-11-23T01:00:00Z");
    static final Instant MONDAY_0900_30S = MONDAY_0900.plusSeconds(30);
    static final long TARGET_30S = 30;
    static final String TICKET = "T-1";

    static final TicketAttributes PHONE_URGENT_AGENT_A1 =
            new TicketAttributes(
                    Channel.PHONE,
                    Priority.URGENT,
                    Complexity.STANDARD,
                    "a-1",
                    null,
                    "hotline",
                    "pudong",
                    "2026.11-1",
                    null);

    private NotifyScenarios() {}

    /** The RESPONSE clock of {@link #TICKET}, created MONDAY_0900, 30 s target. */
    static Alert alert(AlertKind kind, int level, Instant at) {
        return new Alert(
                Alert.alertId(TICKET, ClockType.RESPONSE, 1, kind, level),
                TICKET,
                ClockType.RESPONSE,
                kind,
                level,
                1,
                MONDAY_0900,
                MONDAY_0900_30S,
                at,
                TARGET_30S,
                kind == AlertKind.AT_RISK
                        ? null
                        : Duration.between(MONDAY_0900_30S, at).toSeconds(),
                kind == AlertKind.AT_RISK
                        ? Duration.between(at, MONDAY_0900_30S).toSeconds()
                        : null,
                kind == AlertKind.RETRACTED
                        ? Alert.alertId(TICKET, ClockType.RESPONSE, 1, AlertKind.BREACHED, 1)
                        : null,
                null,
                null,
                null,
                PHONE_URGENT_AGENT_A1);
    }

    static Alert atRisk() {
        return alert(AlertKind.AT_RISK, 1, MONDAY_0900.plusSeconds(20));
    }

    static Alert breached() {
        return alert(AlertKind.BREACHED, 1, MONDAY_0900_30S);
    }

    static Alert escalated() {
        return alert(AlertKind.ESCALATED, 2, MONDAY_0900.plusSeconds(90));
    }

    /** The breach withdrawn: the answer came at 0:25, and reached Kafka late. */
    static Alert retracted() {
        return alert(AlertKind.RETRACTED, 1, MONDAY_0900.plusSeconds(25));
    }

    static Alert metLate() {
        return alert(AlertKind.MET_LATE, 1, MONDAY_0900.plusSeconds(100));
    }

    static ClockOutcome outcome(OutcomeStatus status) {
        return new ClockOutcome(
                ClockOutcome.outcomeId(TICKET, ClockType.RESPONSE, 1),
                TICKET,
                ClockType.RESPONSE,
                1,
                status,
                MONDAY_0900,
                MONDAY_0900.plusSeconds(100),
                MONDAY_0900_30S,
                TARGET_30S,
                100,
                0,
                70,
                PHONE_URGENT_AGENT_A1);
    }

    static Receiver receiver(String name, ReceiverType type, String url, SecretSource secret) {
        return new Receiver(
                name,
                type,
                URI.create(url),
                secret,
                null,
                null,
                Receiver.DEFAULT_TIMEOUT,
                Duration.ofSeconds(5),
                Receiver.DEFAULT_RESEND_FOR,
                Receiver.DEFAULT_MAX_AGE,
                Receiver.DEFAULT_QUEUE_CAPACITY,
                "http://grafana:3000/d/control-room?var-ticket=",
                "https://slawatch.example.com/test");
    }

    static final Receiver OPS =
            receiver("ops", ReceiverType.ALERTMANAGER, "http://127.0.0.1:9093", null);
    static final Receiver HOOKS =
            receiver(
                    "hooks",
                    ReceiverType.WEBHOOK,
                    "http://127.0.0.1:8080/hooks",
                    SecretSource.ofEnv("UNUSED_IN_UNIT_TESTS"));
    static final Receiver ON_CALL =
            receiver(
                    "on-call",
                    ReceiverType.PAGERDUTY,
                    "http://127.0.0.1:8080/v2/enqueue",
                    SecretSource.ofEnv("UNUSED_IN_UNIT_TESTS"));

    /** Every alert to each of the three receivers. */
    static final NotifyConfig EVERYTHING_TO_ALL =
            new NotifyConfig(
                    "test.yaml",
                    List.of(OPS, HOOKS, ON_CALL),
                    List.of(
                            new Route("ops", Map.of()),
                            new Route("hooks", Map.of()),
                            new Route("on-call", Map.of(MatchField.KIND, Set.of("BREACHED")))));
}

package io.slawatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.JobClients;
import io.slawatch.JobOptions;
import io.slawatch.LiveJobOptions;
import io.slawatch.embedded.EmbeddedAlertmanager;
import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.serde.Json;
import io.slawatch.testkit.Await;
import io.slawatch.testkit.Http;
import io.slawatch.testkit.SharedKafka;
import io.slawatch.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection and the notifier against a real Alertmanager whose alerts resolve 10 s after their last
 * update: unanswered PHONE tickets breach, show up with their labels within 2 s of their Kafka
 * alert, stay active through a notifier restart because the notifier re-sends them, and resolve
 * when the clock stops late (while the notifier is down) or the breach is retracted.
 */
@ExtendWith(SharedKafka.class)
class AlertmanagerITCase {

    static final Duration RESOLVE_TIMEOUT = Duration.ofSeconds(10);
    static final Duration RESEND_INTERVAL = Duration.ofSeconds(2);
    static final Duration STAYS_ACTIVE = Duration.ofSeconds(60);
    static final Duration SHOWS_UP_WITHIN = Duration.ofSeconds(2);

    /** PHONE's response target in the default policy. */
    static final Duration PHONE_RESPONSE_TARGET = Duration.ofSeconds(30);

    static final String STAYS = "AM-STAYS";
    static final String ANSWERED_LATE = "AM-LATE";
    static final String RETRACTED = "AM-RETRACTED";

    @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.withSlots(4);

    @TempDir Path work;

    @Test
    void shouldKeepBreachesActiveThroughARestartAndResolveThemWhenTheirClocksEnd()
            throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        try (EmbeddedAlertmanager alertmanager = EmbeddedAlertmanager.start(RESOLVE_TIMEOUT)) {
            Http api = new Http(alertmanager.url());
            JobOptions options = withNotifyFile(bootstrap, alertmanager.url());
            JobClient detection = LivePipelineITCase.start(options);
            JobClient notifier = LivePipelineITCase.startNotifier(options);
            JobClients.awaitRunning(detection);
            JobClients.awaitRunning(notifier);
            try (TopicReader alerts = new TopicReader(bootstrap, options.alertsTopic())) {
                // Deadlines three seconds ahead.
                Instant created =
                        Instant.now()
                                .truncatedTo(ChronoUnit.SECONDS)
                                .minus(PHONE_RESPONSE_TARGET)
                                .plusSeconds(3);
                Instant deadline = created.plus(PHONE_RESPONSE_TARGET);
                LivePipelineITCase.produce(
                        bootstrap,
                        options.eventsTopic(),
                        List.of(
                                created(STAYS, created),
                                created(ANSWERED_LATE, created),
                                created(RETRACTED, created)));

                // Alertmanager is watched from the start, so each first sight is within a poll.
                Map<String, Instant> firstSeen = new TreeMap<>();
                Await.until(
                        () -> {
                            Instant now = Instant.now();
                            for (String ticket : active(api).keySet()) {
                                firstSeen.putIfAbsent(ticket, now);
                            }
                            return firstSeen.size();
                        },
                        seen -> seen == 3,
                        PHONE_RESPONSE_TARGET);
                Map<String, ConsumerRecord<String, String>> breaches =
                        breaches(alerts, 3, Duration.ofSeconds(30));
                for (String ticket : List.of(STAYS, ANSWERED_LATE, RETRACTED)) {
                    Instant onKafka = Instant.ofEpochMilli(breaches.get(ticket).timestamp());
                    assertThat(Duration.between(onKafka, firstSeen.get(ticket)))
                            .as("%s from its Kafka alert to Alertmanager", ticket)
                            .isLessThanOrEqualTo(SHOWS_UP_WITHIN);
                }
                assertThat(
                                Json.mapper()
                                        .convertValue(
                                                active(api).get(STAYS).get("labels"), Map.class))
                        .isEqualTo(
                                Map.of(
                                        "alertname", "SlaBreached",
                                        "ticketId", STAYS,
                                        "clock", "RESPONSE",
                                        "cycle", "1",
                                        "channel", "PHONE",
                                        "priority", "NORMAL",
                                        "severity", "critical",
                                        "level", "1"));

                // The answer came before the deadline but reaches Kafka late: a retraction.
                LivePipelineITCase.produce(
                        bootstrap,
                        options.eventsTopic(),
                        List.of(responded(RETRACTED, deadline.minusSeconds(5))));
                Await.until(
                        () -> active(api).keySet(),
                        tickets -> !tickets.contains(RETRACTED),
                        RESEND_INTERVAL.plusSeconds(5));

                // The notifier stops; the late answer arrives while it is away.
                String savepoint =
                        notifier.stopWithSavepoint(
                                        false,
                                        work.resolve("savepoints").toUri().toString(),
                                        SavepointFormatType.CANONICAL)
                                .get();
                LivePipelineITCase.produce(
                        bootstrap,
                        options.eventsTopic(),
                        List.of(responded(ANSWERED_LATE, Instant.now())));
                notifier = LivePipelineITCase.startNotifier(options, savepoint);
                Await.until(
                        () -> active(api).keySet(),
                        tickets -> !tickets.contains(ANSWERED_LATE),
                        Duration.ofSeconds(30));

                // The unanswered one stayed, once, all along: checked at every poll for a minute.
                Instant until = firstSeen.get(STAYS).plus(STAYS_ACTIVE);
                Await.until(
                        () -> {
                            assertThat(active(api).keySet())
                                    .as("active at %s", Instant.now())
                                    .containsExactly(STAYS);
                            return Instant.now();
                        },
                        now -> !now.isBefore(until),
                        STAYS_ACTIVE);
                assertThat(alertsNamed(api, STAYS)).as("one Alertmanager alert").isEqualTo(1);
            } finally {
                notifier.cancel().get();
                detection.cancel().get();
            }
        }
    }

    JobOptions withNotifyFile(String bootstrap, String alertmanager) throws Exception {
        Path file = work.resolve("notify.yaml");
        Files.writeString(
                file,
                """
                receivers:
                  - name: ops
                    type: alertmanager
                    url: %s
                    resendInterval: PT%dS
                routes:
                  - receiver: ops
                    match: {kind: BREACHED}
                """
                        .formatted(alertmanager, RESEND_INTERVAL.toSeconds()));
        var given =
                LivePipelineITCase.options(bootstrap, LivePipelineITCase.DEFAULT_POLICY)
                        .givenOptions();
        given.set(LiveJobOptions.NOTIFY, file.toString());
        return JobOptions.of(given);
    }

    static byte[] created(String ticket, Instant at) {
        return LivePipelineITCase.event(
                ticket + "-c",
                ticket,
                "CREATED",
                at,
                ",\"channel\":\"PHONE\",\"priority\":\"NORMAL\"");
    }

    static byte[] responded(String ticket, Instant at) {
        return LivePipelineITCase.event(ticket + "-r", ticket, "RESPONDED", at, "");
    }

    /** The first BREACHED alert of each of {@code count} tickets, by ticket. */
    static Map<String, ConsumerRecord<String, String>> breaches(
            TopicReader alerts, int count, Duration deadline) throws Exception {
        Map<String, ConsumerRecord<String, String>> breaches = new TreeMap<>();
        for (ConsumerRecord<String, String> record :
                alerts.readUntil(records -> breachCount(records) >= count, deadline)) {
            Alert alert = Json.mapper().readValue(record.value(), Alert.class);
            if (alert.kind() == AlertKind.BREACHED) {
                breaches.putIfAbsent(alert.ticketId(), record);
            }
        }
        assertThat(breaches).hasSize(count);
        return breaches;
    }

    static long breachCount(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.value().contains("\"kind\":\"BREACHED\"")).count();
    }

    /** Alertmanager's active alerts by ticket (resolved ones are not listed). */
    static Map<String, JsonNode> active(Http api) throws Exception {
        Map<String, JsonNode> byTicket = new TreeMap<>();
        for (JsonNode alert : Json.mapper().readTree(api.call("GET", "/api/v2/alerts", null))) {
            if (alert.at("/status/state").asText().equals("active")) {
                byTicket.put(alert.at("/labels/ticketId").asText(), alert);
            }
        }
        return byTicket;
    }

    static int alertsNamed(Http api, String ticket) throws Exception {
        int count = 0;
        for (JsonNode alert : Json.mapper().readTree(api.call("GET", "/api/v2/alerts", null))) {
            if (alert.at("/labels/ticketId").asText().equals(ticket)) {
                count++;
            }
        }
        return count;
    }
}

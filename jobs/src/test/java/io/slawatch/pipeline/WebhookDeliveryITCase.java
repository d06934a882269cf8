package io.slawatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.slawatch.JobClients;
import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.LiveJobOptions;
import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.Channel;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.Priority;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.TicketAttributes;
import io.slawatch.serde.Json;
import io.slawatch.testkit.Await;
import io.slawatch.testkit.SharedKafka;
import io.slawatch.testkit.TopicReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier and five webhook receivers in this test, each checking every Standard Webhooks
 * signature with its own HMAC and every CloudEvents attribute: one unavailable (503) for 20 s, one
 * that takes 10 s a request, one gone (410), one that refuses (400), and one that just works. The
 * working one is not held back by the others; the unavailable one ends with every alert once, in
 * order per ticket; the gone one is asked once; what the refusing one refused is in quarantine. A
 * PagerDuty receiver in this test gets one incident per clock cycle, resolved by its outcome.
 */
@ExtendWith(SharedKafka.class)
class WebhookDeliveryITCase {

    /** 32 bytes, Base64, as Standard Webhooks secrets are. */
    static final String SECRET =
            "whsec_"
                    + Base64.getEncoder()
                            .encodeToString(
                                    "slawatch-webhook-test-secret-32b"
                                            .getBytes(StandardCharsets.UTF_8));

    static final Duration UNAVAILABLE_FOR = Duration.ofSeconds(20);
    static final Duration SLOW_ANSWER = Duration.ofSeconds(10);

    /** All of the working receiver's deliveries, from the end of producing. */
    static final Duration PROMPT = Duration.ofSeconds(5);

    static final int TICKETS = 10;
    static final List<AlertKind> EACH_TICKETS_ALERTS =
            List.of(
                    AlertKind.AT_RISK,
                    AlertKind.BREACHED,
                    AlertKind.ESCALATED,
                    AlertKind.RETRACTED);
    static final Instant MONDAY_0900 = Instant.parse("2026-11-23T01:00:00Z");
    static final TicketAttributes PHONE_NORMAL_AGENT_A1 =
            new TicketAttributes(
                    Channel.PHONE,
                    Priority.NORMAL,
                    null,
                    "a-1",
                    null,
                    null,
                    null,
                    "2026.11-1",
                    null);

    @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.withSlots(4);

    @TempDir Path work;

    /** What one receiver path got: event ids in arrival order, when, and what did not verify. */
    static final class Received {
        final List<String> ids = new CopyOnWriteArrayList<>();
        final Map<String, Instant> at = new ConcurrentHashMap<>();
        final List<String> invalid = new CopyOnWriteArrayList<>();
        final AtomicInteger requests = new AtomicInteger();
    }

    final Map<String, Received> receivers = new ConcurrentHashMap<>();

    /** What the PagerDuty receiver got, in order: the events' bodies. */
    final List<JsonNode> pagerDuty = new CopyOnWriteArrayList<>();

    static final String ROUTING_KEY = "R0UT1NGKEY";
    final AtomicLong firstFlakyRequest = new AtomicLong();

    @Test
    void shouldDeliverSignedEventsInOrderWhileOtherReceiversAreDownSlowGoneOrRefusing()
            throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        ExecutorService threads = Executors.newCachedThreadPool();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        for (String path : List.of("works", "unavailable", "slow", "gone", "refuses")) {
            receivers.put(path, new Received());
            server.createContext("/" + path, exchange -> answer(path, exchange));
        }
        server.createContext(
                "/pagerduty",
                exchange -> {
                    pagerDuty.add(Json.mapper().readTree(exchange.getRequestBody().readAllBytes()));
                    exchange.sendResponseHeaders(202, -1);
                    exchange.close();
                });
        server.start();
        JobOptions options = withNotifyFile(bootstrap, server.getAddress().getPort());
        LiveJob.prepare(options);
        JobClient notifier = LivePipelineITCase.startNotifier(options);
        JobClients.awaitRunning(notifier);
        try (TopicReader quarantine = new TopicReader(bootstrap, options.quarantineTopic())) {
            List<Alert> alerts = new ArrayList<>();
            for (AlertKind kind : EACH_TICKETS_ALERTS) {
                for (int ticket = 0; ticket < TICKETS; ticket++) {
                    alerts.add(alert("W-" + ticket, kind));
                }
            }
            LivePipelineITCase.produce(
                    bootstrap, options.alertsTopic(), alerts.stream().map(Json::bytes).toList());
            Instant produced = Instant.now();
            List<String> ids = alerts.stream().map(Alert::alertId).toList();

            Received works =
                    Await.until(
                            () -> receivers.get("works"),
                            r -> r.ids.size() == ids.size(),
                            Duration.ofSeconds(30));
            assertThat(works.ids).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(works.at.values())
                    .as("delivered while the others were down, slow, gone or refusing")
                    .allSatisfy(at -> assertThat(at).isBefore(produced.plus(PROMPT)));
            assertThat(receivers.get("unavailable").ids).as("still unavailable then").isEmpty();

            Received unavailable =
                    Await.until(
                            () -> receivers.get("unavailable"),
                            r -> r.ids.size() >= ids.size(),
                            UNAVAILABLE_FOR.plusSeconds(30));
            assertThat(unavailable.ids).containsExactlyInAnyOrderElementsOf(ids);
            for (int ticket = 0; ticket < TICKETS; ticket++) {
                String prefix = "W-" + ticket + ":";
                assertThat(unavailable.ids.stream().filter(id -> id.startsWith(prefix)).toList())
                        .as("ticket W-%d in order", ticket)
                        .isEqualTo(ids.stream().filter(id -> id.startsWith(prefix)).toList());
            }

            List<ConsumerRecord<String, String>> quarantined =
                    quarantine.readUntil(
                            records -> records.size() >= ids.size(), Duration.ofSeconds(30));
            Map<String, QuarantineRecord> refused = new TreeMap<>();
            for (ConsumerRecord<String, String> record : quarantined) {
                QuarantineRecord why =
                        Json.mapper().readValue(record.value(), QuarantineRecord.class);
                refused.put(why.eventId(), why);
            }
            assertThat(refused.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(refused.get(ids.get(0)).reason())
                    .isEqualTo(QuarantineReason.REJECTED_BY_RECEIVER);
            assertThat(refused.get(ids.get(0)).detail())
                    .isEqualTo("receiver refuses answered 400: {\"error\":\"no such customer\"}");
            assertThat(receivers.get("refuses").requests.get()).isEqualTo(ids.size());

            assertThat(receivers.get("gone").requests.get())
                    .as("asked once, then disabled")
                    .isEqualTo(1);
            for (Map.Entry<String, Received> receiver : receivers.entrySet()) {
                assertThat(receiver.getValue().invalid)
                        .as("signatures and CloudEvents attributes at %s", receiver.getKey())
                        .isEmpty();
            }
        } finally {
            notifier.cancel().get();
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private void answer(String path, HttpExchange exchange) throws IOException {
        Received received = receivers.get(path);
        received.requests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String problem = verify(exchange, body);
        if (problem != null) {
            received.invalid.add(problem);
        }
        int status = 200;
        String answer = "";
        switch (path) {
            case "unavailable" -> {
                firstFlakyRequest.compareAndSet(0, System.nanoTime());
                if (System.nanoTime() - firstFlakyRequest.get() < UNAVAILABLE_FOR.toNanos()) {
                    status = 503;
                    exchange.getResponseHeaders().add("Retry-After", "1");
                }
            }
            case "slow" -> {
                try {
                    Thread.sleep(SLOW_ANSWER.toMillis()); // the receiver under test is slow
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case "gone" -> status = 410;
            case "refuses" -> {
                status = 400;
                answer = "{\"error\":\"no such customer\"}";
            }
            default -> {}
        }
        if (status == 200) {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            received.ids.add(id);
            received.at.put(id, Instant.now());
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** This test's own Standard Webhooks and CloudEvents check; null when all is right. */
    static String verify(HttpExchange exchange, byte[] body) {
        try {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (id == null || timestamp == null || signatures == null) {
                return "missing a webhook header";
            }
            if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
                return "timestamp " + timestamp + " is off by more than five minutes";
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(
                    new SecretKeySpec(
                            Base64.getDecoder().decode(SECRET.substring("whsec_".length())),
                            "HmacSHA256"));
            byte[] expected =
                    mac.doFinal(
                            (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
                                    .getBytes(StandardCharsets.UTF_8));
            boolean signed = false;
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(
                                expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    signed = true;
                }
            }
            if (!signed) {
                return id + ": no valid signature";
            }
            JsonNode event = Json.mapper().readTree(body);
            for (String attribute : List.of("specversion", "id", "source", "type")) {
                if (event.path(attribute).asText().isEmpty()) {
                    return id + ": no CloudEvents '" + attribute + "'";
                }
            }
            String kind = event.at("/data/kind").asText().toLowerCase(Locale.ROOT);
            if (!event.get("specversion").asText().equals("1.0")
                    || !event.get("id").asText().equals(id)
                    || !event.get("type").asText().equals("io.slawatch.alert." + kind)
                    || !exchange.getRequestHeaders()
                            .getFirst("Content-Type")
                            .equals("application/cloudevents+json")) {
                return id + ": not the CloudEvent of its alert: " + event;
            }
            return null;
        } catch (Exception e) {
            return "unreadable request: " + e;
        }
    }

    JobOptions withNotifyFile(String bootstrap, int port) throws Exception {
        Path secret = work.resolve("webhook-secret");
        Files.writeString(secret, SECRET + "\n");
        StringBuilder yaml = new StringBuilder("receivers:\n");
        for (String path : List.of("works", "unavailable", "slow", "gone", "refuses")) {
            yaml.append(
                    """
                      - name: %s
                        type: webhook
                        url: http://127.0.0.1:%d/%s
                        secret: {file: %s}
                    """
                            .formatted(path, port, path, secret));
        }
        Path routingKey = work.resolve("routing-key");
        Files.writeString(routingKey, ROUTING_KEY);
        yaml.append(
                """
                  - name: pagerduty
                    type: pagerduty
                    url: http://127.0.0.1:%d/pagerduty
                    secret: {file: %s}
                routes:
                  - receiver: pagerduty
                    match: {kind: [AT_RISK, BREACHED, ESCALATED]}
                """
                        .formatted(port, routingKey));
        for (String path : List.of("works", "unavailable", "slow", "gone", "refuses")) {
            yaml.append("  - receiver: ").append(path).append('\n');
        }
        Path file = work.resolve("notify.yaml");
        Files.writeString(file, yaml);
        var given =
                LivePipelineITCase.options(bootstrap, LivePipelineITCase.DEFAULT_POLICY)
                        .givenOptions();
        given.set(LiveJobOptions.NOTIFY, file.toString());
        return JobOptions.of(given);
    }

    /** The RESPONSE clock of {@code ticket} ended late: its cycle's outcome. */
    static ClockOutcome metLate(String ticket) {
        return new ClockOutcome(
                ClockOutcome.outcomeId(ticket, ClockType.RESPONSE, 1),
                ticket,
                ClockType.RESPONSE,
                1,
                OutcomeStatus.MET_LATE,
                MONDAY_0900,
                MONDAY_0900.plusSeconds(100),
                MONDAY_0900.plusSeconds(30),
                30,
                100,
                0,
                70,
                PHONE_NORMAL_AGENT_A1);
    }

    static Alert alert(String ticket, AlertKind kind) {
        int level = kind == AlertKind.ESCALATED ? 2 : 1;
        Instant deadline = MONDAY_0900.plusSeconds(30);
        return new Alert(
                Alert.alertId(ticket, ClockType.RESPONSE, 1, kind, level),
                ticket,
                ClockType.RESPONSE,
                kind,
                level,
                1,
                MONDAY_0900,
                deadline,
                kind == AlertKind.AT_RISK ? MONDAY_0900.plusSeconds(20) : deadline,
                30,
                kind == AlertKind.AT_RISK ? null : 0L,
                kind == AlertKind.AT_RISK ? 10L : null,
                kind == AlertKind.RETRACTED
                        ? Alert.alertId(ticket, ClockType.RESPONSE, 1, AlertKind.BREACHED, 1)
                        : null,
                null,
                null,
                null,
                PHONE_NORMAL_AGENT_A1);
    }
}

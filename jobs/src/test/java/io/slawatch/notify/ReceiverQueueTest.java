package io.slawatch.notify;

import static io.slawatch.notify.NotifyScenarios.OPS;
import static io.slawatch.notify.NotifyScenarios.breached;
import static io.slawatch.notify.NotifyScenarios.escalated;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.testkit.Await;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One receiver's queue against an HTTP endpoint in this test that answers as it is told. */
class ReceiverQueueTest {

    HttpServer server;

    /** The statuses to answer, in order; 200 once they run out. */
    final Deque<Integer> answers = new ArrayDeque<>();

    /** Requests whose body holds this are refused (400) whatever {@link #answers} says. */
    volatile String refuseContaining;

    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<QuarantineRecord> quarantined = new CopyOnWriteArrayList<>();
    ReceiverQueue queue;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    Integer status;
                    synchronized (answers) {
                        status = answers.poll();
                    }
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    bodies.add(body);
                    if (refuseContaining != null && body.contains(refuseContaining)) {
                        status = 400;
                    }
                    if (status != null && status == 429) {
                        exchange.getResponseHeaders().add("Retry-After", "0");
                    }
                    byte[] answer = "{\"status\":\"as told\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
                    exchange.getResponseBody().write(answer);
                    exchange.close();
                });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (queue != null) {
            queue.close();
        }
        server.stop(0);
    }

    ReceiverQueue queue(int capacity, Duration maxAge, Integer... statuses) {
        answers.addAll(List.of(statuses));
        Receiver receiver =
                new Receiver(
                        OPS.name(),
                        ReceiverType.ALERTMANAGER,
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                        null,
                        null,
                        null,
                        Duration.ofSeconds(5),
                        OPS.resendInterval(),
                        OPS.resendFor(),
                        maxAge,
                        capacity,
                        null,
                        OPS.source());
        return new ReceiverQueue(
                receiver,
                new ReceiverClient(receiver),
                false,
                new UnregisteredMetricsGroup(),
                quarantined::add,
                Clock.systemUTC());
    }

    static Delivery firing(io.slawatch.model.Alert alert) {
        return Delivery.of("ops", DeliveryAction.FIRING, alert, 0);
    }

    @Test
    void shouldRetryABusyReceiverUntilItTakesTheDelivery() throws Exception {
        queue = queue(10, Duration.ofMinutes(1), 429, 503, 200);

        queue.offer(firing(breached()));

        assertThat(queue.awaitEmpty(Duration.ofSeconds(10))).isTrue();
        assertThat(bodies).hasSize(3);
        assertThat(quarantined).isEmpty();
    }

    @Test
    void shouldQuarantineWhatTheReceiverRefusesAndGoOn() throws Exception {
        refuseContaining = "SlaBreached";
        queue = queue(10, Duration.ofMinutes(1));

        queue.offer(firing(breached()));
        queue.offer(firing(escalated()));

        assertThat(queue.awaitEmpty(Duration.ofSeconds(10))).isTrue();
        assertThat(quarantined).hasSize(1);
        assertThat(quarantined.get(0).reason()).isEqualTo(QuarantineReason.REJECTED_BY_RECEIVER);
        assertThat(quarantined.get(0).eventId()).isEqualTo("T-1:RESPONSE:1:BREACHED:1");
        assertThat(quarantined.get(0).detail())
                .isEqualTo("receiver ops answered 400: {\"status\":\"as told\"}");
    }

    @Test
    void shouldStopAskingAReceiverThatIsGone() throws Exception {
        queue = queue(10, Duration.ofMinutes(1), 410);

        queue.offer(firing(breached()));
        Await.until(queue::disabled, disabled -> disabled, Duration.ofSeconds(10));
        queue.offer(firing(escalated()));

        assertThat(queue.awaitEmpty(Duration.ofSeconds(10))).isTrue();
        assertThat(bodies).hasSize(1);
        assertThat(queue.pending()).isEmpty();
    }

    @Test
    void shouldGiveUpOnADeliveryOlderThanMaxAge() throws Exception {
        queue = queue(10, Duration.ofSeconds(1), 503, 503, 503, 503, 503, 503, 503, 503);

        queue.offer(firing(breached()));

        assertThat(queue.awaitEmpty(Duration.ofSeconds(10))).isTrue();
        assertThat(quarantined).hasSize(1);
        assertThat(quarantined.get(0).reason()).isEqualTo(QuarantineReason.UNDELIVERABLE);
        assertThat(quarantined.get(0).detail())
                .startsWith(
                        "receiver ops did not take it within its maxAge of PT1S; last it"
                                + " answered 503");
    }

    @Test
    void shouldQuarantineBeyondItsCapacityAndKeepTheRestForACheckpoint() throws Exception {
        server.stop(0); // nobody answers: everything waits
        queue = queue(1, Duration.ofMinutes(1));

        queue.offer(firing(breached()));
        queue.offer(firing(escalated()));

        assertThat(queue.pending()).containsExactly(firing(breached()));
        assertThat(quarantined).hasSize(1);
        assertThat(quarantined.get(0).eventId()).isEqualTo("T-1:RESPONSE:1:ESCALATED:2");
        assertThat(quarantined.get(0).reason()).isEqualTo(QuarantineReason.UNDELIVERABLE);
    }
}

package io.slawatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.LiveJobOptions;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.testkit.Await;
import io.slawatch.testkit.SharedKafka;
import io.slawatch.testkit.TopicReader;
import io.slawatch.time.WallClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The live job through failures and restarts: no alert lost, none wrong, none false. */
@ExtendWith(SharedKafka.class)
class RecoveryITCase {

    static final Path DEFAULT_POLICY = LivePipelineITCase.DEFAULT_POLICY;
    static final Duration WAIT = LivePipelineITCase.WAIT;
    static final int TICKETS_PER_BATCH = 10;

    @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.withSlots(4);

    /** Armed by a test: the next reading of the clock throws, failing the source task once. */
    static final AtomicBoolean FAIL_ONCE = new AtomicBoolean();

    /** The wall clock of the job under test, which can be made to fail once. */
    static final class FailingOnceClock implements WallClock {
        private static final long serialVersionUID = 1L;

        @Override
        public long millis() {
            if (FAIL_ONCE.getAndSet(false)) {
                throw new IllegalStateException("injected failure");
            }
            return System.currentTimeMillis();
        }
    }

    @TempDir Path temp;

    static JobOptions options(String bootstrap, LiveJobOptions.Delivery delivery) {
        Configuration given = LivePipelineITCase.options(bootstrap, DEFAULT_POLICY).givenOptions();
        given.set(LiveJobOptions.RESTART_ATTEMPTS, 10);
        given.set(LiveJobOptions.RESTART_DELAY, Duration.ofSeconds(1));
        given.set(LiveJobOptions.DELIVERY, delivery);
        return JobOptions.of(given);
    }

    static JobClient start(JobOptions options, Configuration extra) throws Exception {
        LiveJob.prepare(options);
        Configuration config = LiveJob.configuration(options);
        config.addAll(extra);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        LiveJob.build(
                env, options, PolicyLoader.load(options.policyFile()), new FailingOnceClock());
        return env.executeAsync("slawatch recovery test");
    }

    /**
     * Tickets {@code from..to}, each responded after its escalation: 4 alerts each, whether event
     * time reaches them before the response or the response brings them out first.
     */
    static List<byte[]> tickets(Instant base, int from, int to) {
        List<byte[]> events = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            Instant created = base.plusSeconds(60L * i);
            String ticket = "R-" + i;
            events.add(
                    LivePipelineITCase.event(
                            ticket + "-c",
                            ticket,
                            "CREATED",
                            created,
                            ",\"channel\":\"PHONE\",\"priority\":\"URGENT\""));
            events.add(
                    LivePipelineITCase.event(
                            ticket + "-r", ticket, "RESPONDED", created.plusSeconds(70), ""));
            events.add(
                    LivePipelineITCase.event(
                            ticket + "-s", ticket, "RESOLVED", created.plusSeconds(600), ""));
        }
        return events;
    }

    static Set<String> expectedAlerts(int tickets) {
        Set<String> ids = new TreeSet<>();
        for (int i = 1; i <= tickets; i++) {
            for (String kind : List.of("AT_RISK:1", "BREACHED:1", "ESCALATED:2", "MET_LATE:1")) {
                ids.add("R-" + i + ":RESPONSE:1:" + kind);
            }
        }
        return ids;
    }

    /** Each ticket's RESPONSE breach opens a case; its verification is days ahead. */
    static Set<String> expectedLedger(int tickets) {
        Set<String> ids = new TreeSet<>();
        for (int i = 1; i <= tickets; i++) {
            ids.add("R-" + i + ":RESPONSE:1:BREACHED:1:VERIFICATION_REQUESTED");
        }
        return ids;
    }

    static String alertId(ConsumerRecord<String, String> record) {
        return field(record, "alertId");
    }

    static String entryId(ConsumerRecord<String, String> record) {
        return field(record, "entryId");
    }

    private static String field(ConsumerRecord<String, String> record, String name) {
        String value = record.value();
        int start = value.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return value.substring(start, value.indexOf('"', start));
    }

    /** What the alerts and ledger topics held after the run. */
    record Delivered(
            List<ConsumerRecord<String, String>> alerts,
            List<ConsumerRecord<String, String>> ledger) {}

    static Set<String> distinct(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(RecoveryITCase::alertId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Runs 3 batches with an injected exception and a killed task manager in between. */
    Delivered runThroughTwoFailures(JobOptions options, MiniCluster cluster) throws Exception {
        String bootstrap = options.bootstrapServers();
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        JobClient job = start(options, new Configuration());
        try (TopicReader alerts = new TopicReader(bootstrap, options.alertsTopic());
                TopicReader ledger = new TopicReader(bootstrap, options.ledgerTopic())) {
            LivePipelineITCase.produce(
                    bootstrap, options.eventsTopic(), tickets(base, 1, TICKETS_PER_BATCH));
            alerts.readUntil(r -> distinct(r).size() >= 4 * TICKETS_PER_BATCH, WAIT);

            FAIL_ONCE.set(true);
            LivePipelineITCase.produce(
                    bootstrap,
                    options.eventsTopic(),
                    tickets(base, TICKETS_PER_BATCH + 1, 2 * TICKETS_PER_BATCH));
            alerts.readUntil(r -> distinct(r).size() >= 8 * TICKETS_PER_BATCH, WAIT);

            cluster.terminateTaskManager(0).get();
            cluster.startTaskManager();
            LivePipelineITCase.produce(
                    bootstrap,
                    options.eventsTopic(),
                    tickets(base, 2 * TICKETS_PER_BATCH + 1, 3 * TICKETS_PER_BATCH));
            alerts.readUntil(r -> distinct(r).size() >= 12 * TICKETS_PER_BATCH, WAIT);
            ledger.readUntil(
                    r ->
                            r.stream().map(RecoveryITCase::entryId).distinct().count()
                                    >= 3 * TICKETS_PER_BATCH,
                    WAIT);
            return new Delivered(
                    alerts.readFor(Duration.ofSeconds(3)), ledger.readFor(Duration.ofSeconds(1)));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void shouldDeliverEveryAlertExactlyOnceThroughTwoFailures(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        JobOptions options =
                options(SharedKafka.bootstrapServers(), LiveJobOptions.Delivery.EXACTLY_ONCE);

        Delivered delivered = runThroughTwoFailures(options, cluster);

        assertThat(FAIL_ONCE).isFalse();
        assertThat(delivered.alerts().stream().map(RecoveryITCase::alertId).sorted().toList())
                .containsExactlyElementsOf(expectedAlerts(3 * TICKETS_PER_BATCH));
        assertThat(delivered.ledger().stream().map(RecoveryITCase::entryId).sorted().toList())
                .as("the ledger, each entry once")
                .containsExactlyElementsOf(expectedLedger(3 * TICKETS_PER_BATCH));
    }

    @Test
    void shouldRepeatAlertsOnlyIdenticallyThroughTwoFailuresWhenAtLeastOnce(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        JobOptions options =
                options(SharedKafka.bootstrapServers(), LiveJobOptions.Delivery.AT_LEAST_ONCE);

        Delivered delivered = runThroughTwoFailures(options, cluster);
        List<ConsumerRecord<String, String>> alerts = delivered.alerts();

        assertThat(FAIL_ONCE).isFalse();
        assertThat(distinct(alerts)).isEqualTo(expectedAlerts(3 * TICKETS_PER_BATCH));
        Map<String, Set<String>> entries =
                delivered.ledger().stream()
                        .collect(
                                Collectors.groupingBy(
                                        RecoveryITCase::entryId,
                                        TreeMap::new,
                                        Collectors.mapping(
                                                ConsumerRecord::value, Collectors.toSet())));
        assertThat(entries.keySet()).isEqualTo(expectedLedger(3 * TICKETS_PER_BATCH));
        assertThat(entries)
                .as("ledger entries repeated only identically")
                .allSatisfy((id, values) -> assertThat(values).as(id).hasSize(1));
        Map<String, Set<String>> copies =
                alerts.stream()
                        .collect(
                                Collectors.groupingBy(
                                        RecoveryITCase::alertId,
                                        Collectors.mapping(
                                                ConsumerRecord::value, Collectors.toSet())));
        assertThat(copies).allSatisfy((id, values) -> assertThat(values).as(id).hasSize(1));
    }

    @Test
    void shouldNotBreachFalselyWhileCatchingUpWithABacklogAfterARestart() throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        JobOptions options = options(bootstrap, LiveJobOptions.Delivery.AT_LEAST_ONCE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant created = now.minus(Duration.ofHours(1)).plusSeconds(8);
        Instant deadline = created.plus(Duration.ofHours(1));

        JobClient first = start(options, new Configuration());
        String savepoint;
        try (TopicReader alerts = new TopicReader(bootstrap, options.alertsTopic());
                TopicReader ledger = new TopicReader(bootstrap, options.ledgerTopic())) {
            LivePipelineITCase.produce(
                    bootstrap,
                    options.eventsTopic(),
                    List.of(
                            LivePipelineITCase.event(
                                    "b-c",
                                    "B-1",
                                    "CREATED",
                                    created,
                                    ",\"channel\":\"PHONE\",\"priority\":\"CRITICAL\",\"onsite\":true"),
                            LivePipelineITCase.event(
                                    "b-r", "B-1", "RESPONDED", created.plusSeconds(10), "")));
            alerts.readUntil(r -> distinct(r).contains("B-1:ARRIVAL:1:AT_RISK:1"), WAIT);
            savepoint =
                    first.stopWithSavepoint(
                                    false, temp.toUri().toString(), SavepointFormatType.CANONICAL)
                            .get();
        }
        // While the job is down the technician arrives in time, and the deadline passes.
        LivePipelineITCase.produce(
                bootstrap,
                options.eventsTopic(),
                List.of(
                        LivePipelineITCase.event(
                                "b-a", "B-1", "ARRIVED", deadline.minusSeconds(60), "")));
        Await.until(Instant::now, t -> t.isAfter(deadline.plusSeconds(3)), WAIT);

        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        JobClient second = start(options, restore);
        try (TopicReader alerts = new TopicReader(bootstrap, options.alertsTopic());
                TopicReader outcomes = new TopicReader(bootstrap, options.outcomesTopic())) {
            outcomes.readUntil(
                    r ->
                            r.stream()
                                    .anyMatch(
                                            o ->
                                                    o.value()
                                                            .contains(
                                                                    "\"outcomeId\":\"B-1:ARRIVAL:1\"")),
                    WAIT);
            List<ConsumerRecord<String, String>> alerted =
                    alerts.readFor(
                            options.outOfOrderness().plus(options.idleTimeout()).plusSeconds(2));

            assertThat(outcomes.readFor(Duration.ZERO))
                    .anyMatch(
                            o ->
                                    o.value().contains("\"outcomeId\":\"B-1:ARRIVAL:1\"")
                                            && o.value().contains("\"status\":\"MET\""));
            assertThat(distinct(alerted)).containsExactly("B-1:ARRIVAL:1:AT_RISK:1");
        } finally {
            second.cancel().get();
        }
    }
}

package io.slawatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.IndexerJob;
import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.LiveJobOptions;
import io.slawatch.NotifierJob;
import io.slawatch.detect.TicketSlaFunction;
import io.slawatch.ingest.SeparateQuarantineFunction;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.notify.NotifyConfigLoader;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.serde.Json;
import io.slawatch.testkit.Await;
import io.slawatch.testkit.Checkout;
import io.slawatch.testkit.Http;
import io.slawatch.testkit.SharedElasticsearch;
import io.slawatch.testkit.SharedKafka;
import io.slawatch.testkit.TopicReader;
import io.slawatch.time.WallClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The live job on the in-process Kafka broker and a MiniCluster. */
@ExtendWith({SharedKafka.class, SharedElasticsearch.class})
class LivePipelineITCase {

    static final Path ROOT = Checkout.ROOT;
    static final Path DEFAULT_POLICY = ROOT.resolve("deploy/policies/default.yaml");
    static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.withSlots(4);

    @TempDir Path temp;

    /** Options for one test, on topics of its own. */
    static JobOptions options(String bootstrap, Path policy) {
        return options(bootstrap, policy, List.of());
    }

    static JobOptions options(String bootstrap, Path policy, List<String> elasticsearch) {
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Configuration given = LiveJobOptions.namespaced(prefix);
        given.set(LiveJobOptions.BOOTSTRAP_SERVERS, bootstrap);
        given.set(LiveJobOptions.POLICY, policy.toString());
        given.set(LiveJobOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        given.set(LiveJobOptions.CREATE_TOPICS, true);
        if (!elasticsearch.isEmpty()) {
            given.set(LiveJobOptions.ELASTICSEARCH, String.join(",", elasticsearch));
        }
        return JobOptions.of(given);
    }

    /** Starts the detection job (and installs the index templates when given Elasticsearch). */
    static JobClient start(JobOptions options) throws Exception {
        LiveJob.prepare(options);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(LiveJob.configuration(options));
        LiveJob.build(env, options, PolicyLoader.load(options.policyFile()), WallClock.SYSTEM);
        return env.executeAsync("slawatch live test");
    }

    /** Starts an indexer job on the shared MiniCluster; cancelling it is the caller's. */
    static JobClient startIndexer(JobOptions options) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(LiveJob.configuration(options));
        IndexerJob.build(env, options);
        return env.executeAsync("slawatch indexer test");
    }

    /** Starts a notifier job on the shared MiniCluster; cancelling it is the caller's. */
    static JobClient startNotifier(JobOptions options) throws Exception {
        return startNotifier(options, null);
    }

    /** A notifier job, from {@code savepoint} when given. */
    static JobClient startNotifier(JobOptions options, String savepoint) throws Exception {
        Configuration config = LiveJob.configuration(options);
        if (savepoint != null) {
            config.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        NotifierJob.build(
                env, options, NotifyConfigLoader.load(options.notifyFile().orElseThrow()));
        return env.executeAsync("slawatch notifier test");
    }

    /**
     * Sends {@code values} in order, in batches, and returns once Kafka has acknowledged each. A
     * value with a {@code ticketId} is keyed by it, as the events contract asks: a ticket's events
     * stay in one partition, in order.
     */
    static void produce(String bootstrap, String topic, List<byte[]> values) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(values.size());
            for (byte[] value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, ticketKey(value), value)));
            }
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
        }
    }

    /** The value's {@code ticketId}; null when it has none or is not JSON (malformed input). */
    static byte[] ticketKey(byte[] value) {
        try {
            JsonNode ticketId = Json.mapper().readTree(value).path("ticketId");
            return ticketId.isTextual() ? ticketId.asText().getBytes(StandardCharsets.UTF_8) : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** Documents matching {@code query}; 0 while the index does not exist yet. */
    static long count(Http http, String index, String query) throws Exception {
        String response = http.callOrNotFound("POST", "/" + index + "/_count", query);
        return response == null ? 0 : Json.mapper().readTree(response).get("count").asLong();
    }

    static byte[] event(String eventId, String ticketId, String type, Instant at, String extra) {
        return ("{\"eventId\":\""
                        + eventId
                        + "\",\"ticketId\":\""
                        + ticketId
                        + "\",\"type\":\""
                        + type
                        + "\",\"occurredAt\":\""
                        + at
                        + "\""
                        + extra
                        + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static <T> List<T> values(List<ConsumerRecord<String, String>> records, Class<T> type) {
        return records.stream()
                .map(
                        r -> {
                            try {
                                return Json.mapper().readValue(r.value(), type);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        })
                .toList();
    }

    @Test
    void shouldAlertExactlyTheScriptedBreachesAndQuarantineEveryKindOfBadInput() throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        // Fresh indices: the indexer's writes are versioned by topic offsets, which start again in
        // this test's new topics.
        ElasticsearchOutageITCase.reset(
                new Http(SharedElasticsearch.url()), SharedElasticsearch.url());
        JobOptions options = options(bootstrap, DEFAULT_POLICY, List.of(SharedElasticsearch.url()));
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        List<byte[]> stream =
                List.of(
                        event(
                                "e1",
                                "T-1",
                                "CREATED",
                                base,
                                ",\"channel\":\"PHONE\",\"priority\":\"URGENT\",\"customerName\":\"Wang Fang\""),
                        event(
                                "e2",
                                "T-2",
                                "CREATED",
                                base.plusSeconds(10),
                                ",\"channel\":\"CHAT\",\"priority\":\"NORMAL\""),
                        event(
                                "e3",
                                "T-3",
                                "CREATED",
                                base.plusSeconds(20),
                                ",\"channel\":\"PHONE\",\"priority\":\"NORMAL\""),
                        event("e4", "T-1", "RESPONDED", base.plusSeconds(70), ""),
                        "{\"eventId\":\"bad-json\",\"ticketId\":\"T-8\""
                                .getBytes(StandardCharsets.UTF_8),
                        event("e5", "T-2", "RESPONDED", base.plusSeconds(70), ""),
                        event("e5", "T-2", "RESPONDED", base.plusSeconds(70), ""),
                        event("bad-type", "T-8", "ESCALATED", base.plusSeconds(80), ""),
                        event(
                                "bad-future",
                                "T-9",
                                "CREATED",
                                Instant.parse("2099-01-01T00:00:00Z"),
                                ",\"channel\":\"PHONE\",\"priority\":\"LOW\""),
                        ("{\"eventId\":\"bad-missing\",\"type\":\"RESOLVED\",\"occurredAt\":\""
                                        + base.plusSeconds(90)
                                        + "\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'},
                        event(
                                "bad-large",
                                "T-8",
                                "UPDATED",
                                base.plusSeconds(95),
                                ",\"reason\":\"" + "x".repeat(70_000) + "\""),
                        ("{\"eventId\":\"bad-time\",\"ticketId\":\"T-8\",\"type\":\"RESOLVED\",\"occurredAt\":\"yesterday\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        event("e6", "T-3", "RESOLVED", base.plus(Duration.ofMinutes(30)), ""),
                        event(
                                "e7",
                                "T-4",
                                "CREATED",
                                base.plus(Duration.ofMinutes(30)),
                                ",\"channel\":\"PHONE\",\"priority\":\"CRITICAL\",\"onsite\":true"),
                        event(
                                "e8",
                                "T-4",
                                "RESPONDED",
                                base.plus(Duration.ofMinutes(30)).plusSeconds(5),
                                ""),
                        event("e9", "T-1", "RESOLVED", base.plus(Duration.ofHours(1)), ""),
                        event("e10", "T-2", "RESOLVED", base.plus(Duration.ofHours(2)), ""));
        JobClient job = start(options);
        JobClient indexer = startIndexer(options);
        try (TopicReader alerts = new TopicReader(bootstrap, options.alertsTopic());
                TopicReader outcomes = new TopicReader(bootstrap, options.outcomesTopic());
                TopicReader quarantine = new TopicReader(bootstrap, options.quarantineTopic())) {
            produce(bootstrap, options.eventsTopic(), stream);

            alerts.readUntil(r -> r.size() >= 10, WAIT);
            List<Alert> alerted = values(alerts.readFor(Duration.ofSeconds(3)), Alert.class);
            List<ClockOutcome> outcomed =
                    values(outcomes.readUntil(r -> r.size() >= 6, WAIT), ClockOutcome.class);
            List<QuarantineRecord> quarantined =
                    values(quarantine.readUntil(r -> r.size() >= 7, WAIT), QuarantineRecord.class);

            assertThat(
                            alerted.stream()
                                    .map(
                                            a ->
                                                    a.alertId()
                                                            + " @"
                                                            + Duration.between(base, a.eventTime()))
                                    .sorted())
                    .containsExactly(
                            "T-1:RESPONSE:1:AT_RISK:1 @PT22S",
                            "T-1:RESPONSE:1:BREACHED:1 @PT30S",
                            "T-1:RESPONSE:1:ESCALATED:2 @PT1M",
                            "T-1:RESPONSE:1:MET_LATE:1 @PT1M10S",
                            "T-3:RESPONSE:1:AT_RISK:1 @PT42S",
                            "T-3:RESPONSE:1:BREACHED:1 @PT50S",
                            "T-3:RESPONSE:1:ESCALATED:2 @PT1M20S",
                            "T-4:ARRIVAL:1:AT_RISK:1 @PT1H",
                            "T-4:ARRIVAL:1:BREACHED:1 @PT1H30M",
                            "T-4:ARRIVAL:1:ESCALATED:2 @PT2H30M");
            assertThat(outcomed.stream().map(o -> o.outcomeId() + " " + o.status()).sorted())
                    .containsExactly(
                            "T-1:RESOLUTION:1 MET",
                            "T-1:RESPONSE:1 MET_LATE",
                            "T-2:RESOLUTION:1 MET",
                            "T-2:RESPONSE:1 MET",
                            "T-3:RESOLUTION:1 MET",
                            "T-4:RESPONSE:1 MET");
            assertThat(quarantined)
                    .extracting(QuarantineRecord::reason)
                    .containsExactlyInAnyOrder(
                            QuarantineReason.MALFORMED_JSON,
                            QuarantineReason.UNKNOWN_TYPE,
                            QuarantineReason.FUTURE_TIMESTAMP,
                            QuarantineReason.MISSING_FIELD,
                            QuarantineReason.NOT_UTF8,
                            QuarantineReason.TOO_LARGE,
                            QuarantineReason.BAD_TIMESTAMP);
            assertThat(quarantined)
                    .allSatisfy(
                            q -> {
                                assertThat(q.topic()).isEqualTo(options.eventsTopic());
                                assertThat(q.partition()).isZero();
                                assertThat(q.offset()).isNotNull();
                            });
            assertThat(alerted)
                    .allSatisfy(
                            a ->
                                    assertThat(Json.mapper().writeValueAsString(a))
                                            .doesNotContain("Wang Fang"));

            // Running tasks report accumulators with their heartbeats: wait for the full count.
            Map<String, Object> counts = job.getAccumulators().get();
            long end = System.nanoTime() + WAIT.toNanos();
            while (!Long.valueOf(stream.size())
                            .equals(counts.get(SeparateQuarantineFunction.EVENTS_READ))
                    && System.nanoTime() < end) {
                counts = job.getAccumulators().get(1, java.util.concurrent.TimeUnit.SECONDS);
            }
            long read = (Long) counts.get(SeparateQuarantineFunction.EVENTS_READ);
            long duplicates = (Long) counts.get(TicketSlaFunction.DUPLICATES);
            assertThat(read).isEqualTo(stream.size());
            assertThat(duplicates).isEqualTo(1);
            assertThat(counts.get(TicketSlaFunction.LATE_EVENTS)).as("late events").isEqualTo(0L);
            assertThat(read - duplicates - quarantined.size()).as("events used").isEqualTo(10);

            Http elasticsearch = new Http(SharedElasticsearch.url());
            String scripted = "{\"query\":{\"prefix\":{\"ticketId\":\"T-\"}}}";
            assertThat(
                            Await.until(
                                    () -> count(elasticsearch, "slawatch-alerts", scripted),
                                    n -> n == 10,
                                    WAIT))
                    .as("alerts in Elasticsearch")
                    .isEqualTo(10);
            assertThat(
                            Await.until(
                                    () ->
                                            count(
                                                    elasticsearch,
                                                    "slawatch-clocks",
                                                    "{\"query\":{\"bool\":{\"filter\":["
                                                            + "{\"prefix\":{\"ticketId\":\"T-\"}},"
                                                            + "{\"exists\":{\"field\":\"endedAt\"}}]}}}"),
                                    n -> n == 6,
                                    WAIT))
                    .as("the 6 outcomes, in the final views of their cycles")
                    .isEqualTo(6);
            assertThat(
                            Await.until(
                                    () -> count(elasticsearch, "slawatch-clocks", scripted),
                                    n -> n == 8,
                                    WAIT))
                    .as(
                            "of the 9 cycles (T-1..T-3 RESPONSE and RESOLUTION, T-4 RESPONSE,"
                                    + " ARRIVAL and RESOLUTION), all but T-4's RESOLUTION, still"
                                    + " quiet (running, no warning): no panel shows it")
                    .isEqualTo(8);
        } finally {
            indexer.cancel().get();
            job.cancel().get();
        }
    }

    @Test
    void shouldBreachAQuietStreamWithinSecondsOfTheDeadline() throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        Path policy = temp.resolve("fast-chat.yaml");
        Files.writeString(
                policy,
                Files.readString(DEFAULT_POLICY)
                        .replace("{channel: CHAT, target: PT5M}", "{channel: CHAT, target: PT5S}"));
        JobOptions options = options(bootstrap, policy);
        JobClient job = start(options);
        try (TopicReader alerts = new TopicReader(bootstrap, options.alertsTopic())) {
            Instant longAgo =
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
            produce(
                    bootstrap,
                    options.eventsTopic(),
                    List.of(
                            event(
                                    "warm-up",
                                    "W-1",
                                    "CREATED",
                                    longAgo,
                                    ",\"channel\":\"CHAT\",\"priority\":\"NORMAL\"")));
            alerts.readUntil(
                    r -> r.stream().anyMatch(a -> a.value().contains("W-1:RESPONSE:1:BREACHED:1")),
                    WAIT);

            Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            produce(
                    bootstrap,
                    options.eventsTopic(),
                    List.of(
                            event(
                                    "quiet",
                                    "Q-1",
                                    "CREATED",
                                    created,
                                    ",\"channel\":\"CHAT\",\"priority\":\"NORMAL\"")));
            List<ConsumerRecord<String, String>> read =
                    alerts.readUntil(
                            r ->
                                    r.stream()
                                            .anyMatch(
                                                    a ->
                                                            a.value()
                                                                    .contains(
                                                                            "Q-1:RESPONSE:1:BREACHED:1")),
                            WAIT);
            Instant arrived = Instant.now();

            Instant deadline = created.plusSeconds(5);
            assertThat(read).anyMatch(a -> a.value().contains("Q-1:RESPONSE:1:BREACHED:1"));
            Duration latency = Duration.between(deadline, arrived);
            assertThat(latency)
                    .as("from the deadline to the alert on the topic")
                    .isLessThanOrEqualTo(
                            options.outOfOrderness().plus(options.idleTimeout()).plusSeconds(2));
        } finally {
            job.cancel().get();
        }
    }
}

package io.slawatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.JobOptions;
import io.slawatch.embedded.EmbeddedElasticsearch;
import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.serde.Json;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.testkit.Await;
import io.slawatch.testkit.Http;
import io.slawatch.testkit.SharedElasticsearch;
import io.slawatch.testkit.SharedKafka;
import io.slawatch.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Elasticsearch frozen (SIGSTOP: it holds its connections and answers nothing) for {@link #FREEZE}
 * while {@link #EVENTS_PER_SECOND} events a second flow: breaches still reach the alerts topic on
 * time, because detection writes only to Kafka; once it thaws, the indexer catches up and
 * Elasticsearch holds exactly the latest document per id of the topics.
 */
@ExtendWith({SharedKafka.class, SharedElasticsearch.class})
class ElasticsearchFreezeITCase {

    static final Duration FREEZE = Duration.ofSeconds(60);
    static final int EVENTS_PER_SECOND = 5_000;

    /** PHONE's response target in the default policy: an unanswered ticket breaches then. */
    static final Duration PHONE_RESPONSE_TARGET = Duration.ofSeconds(30);

    /** Unanswered tickets created during the freeze, so that they breach during it too. */
    static final int UNANSWERED = 20;

    // The last one breaches 14 s + 30 s + the bound after the freeze began: well inside it.
    static final Duration UNANSWERED_SPACING = Duration.ofMillis(750);

    @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.withSlots(4);

    @Test
    void shouldAlertOnTimeWhileElasticsearchIsFrozenAndIndexEverythingOnceAfter() throws Exception {
        EmbeddedElasticsearch elasticsearch = SharedElasticsearch.instance();
        String bootstrap = SharedKafka.bootstrapServers();
        Http http = new Http(elasticsearch.url());
        ElasticsearchOutageITCase.reset(http, elasticsearch.url());
        JobOptions options =
                LivePipelineITCase.options(
                        bootstrap, LivePipelineITCase.DEFAULT_POLICY, List.of(elasticsearch.url()));
        Duration bound = options.outOfOrderness().plus(options.idleTimeout()).plusSeconds(1);
        JobClient detection = LivePipelineITCase.start(options);
        JobClient indexer = LivePipelineITCase.startIndexer(options);
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread load = new Thread(() -> load(bootstrap, options.eventsTopic(), loading), "load");
        try (TopicReader alerts = new TopicReader(bootstrap, options.alertsTopic());
                KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            load.start();
            Await.until(
                    () -> ElasticsearchSinkITCase.countOrZero(http, ElasticsearchIndices.CLOCKS),
                    count -> count > 0,
                    Duration.ofMinutes(1));

            elasticsearch.freeze();
            long thawAt = System.nanoTime() + FREEZE.toNanos();
            try {
                long next = System.currentTimeMillis();
                for (int i = 0; i < UNANSWERED; i++) {
                    long wait = next - System.currentTimeMillis();
                    if (wait > 0) {
                        Thread.sleep(wait); // pacing the scripted tickets, not waiting for a result
                    }
                    producer.send(record(options.eventsTopic(), "U-" + i, "CREATED", Instant.now()))
                            .get();
                    next += UNANSWERED_SPACING.toMillis();
                }
                List<ConsumerRecord<String, String>> read =
                        alerts.readUntil(
                                records -> breaches(records).size() == UNANSWERED,
                                PHONE_RESPONSE_TARGET.plus(bound).plusSeconds(5));
                Map<String, Duration> lateness = new TreeMap<>();
                for (int i = 0; i < read.size(); i++) {
                    Alert alert = Json.mapper().readValue(read.get(i).value(), Alert.class);
                    if (isUnansweredBreach(alert)) {
                        lateness.put(
                                alert.ticketId(),
                                Duration.between(alert.deadline(), alerts.receivedAt(i)));
                    }
                }
                assertThat(System.nanoTime())
                        .as("every breach was read while Elasticsearch was still frozen")
                        .isLessThan(thawAt);
                assertThat(lateness).as("breaches of the unanswered tickets").hasSize(UNANSWERED);
                assertThat(lateness.values())
                        .as("deadline to alert on the topic, within %s", bound)
                        .allSatisfy(late -> assertThat(late).isLessThanOrEqualTo(bound));
                Await.until(System::nanoTime, now -> now >= thawAt, FREEZE);
            } finally {
                elasticsearch.thaw();
            }
            loading.set(false);
            load.join();

            IndexedDocuments.assertIndexedAsOnTopics(
                    bootstrap, options, http, EVENTS_PER_SECOND * 20, Duration.ofMinutes(5));
        } finally {
            loading.set(false);
            indexer.cancel().get();
            detection.cancel().get();
        }
    }

    private static List<Alert> breaches(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(
                        record -> {
                            try {
                                return Json.mapper().readValue(record.value(), Alert.class);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                .filter(ElasticsearchFreezeITCase::isUnansweredBreach)
                .toList();
    }

    private static boolean isUnansweredBreach(Alert alert) {
        return alert.kind() == AlertKind.BREACHED && alert.ticketId().startsWith("U-");
    }

    /**
     * Tickets created, answered and resolved at once, {@link #EVENTS_PER_SECOND} events a second on
     * the wall clock, until {@code loading} is cleared.
     */
    private static void load(String bootstrap, String topic, AtomicBoolean loading) {
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            long start = System.currentTimeMillis();
            long sent = 0;
            while (loading.get()) {
                long due = (System.currentTimeMillis() - start) * EVENTS_PER_SECOND / 1000;
                for (; sent < due; sent += 3) {
                    Instant now = Instant.now();
                    String ticket = "L-" + sent;
                    for (String type : List.of("CREATED", "RESPONDED", "RESOLVED")) {
                        producer.send(record(topic, ticket, type, now));
                    }
                }
                producer.flush();
                Thread.sleep(5); // pacing the load
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ProducerRecord<byte[], byte[]> record(
            String topic, String ticket, String type, Instant at) {
        String json =
                "{\"eventId\":\""
                        + ticket
                        + "-"
                        + type
                        + "\",\"ticketId\":\""
                        + ticket
                        + "\",\"type\":\""
                        + type
                        + "\",\"occurredAt\":\""
                        + at
                        + "\",\"channel\":\"PHONE\",\"priority\":\"NORMAL\",\"agentId\":\"a-1\"}";
        return new ProducerRecord<>(
                topic,
                ticket.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(
                properties, new ByteArraySerializer(), new ByteArraySerializer());
    }
}

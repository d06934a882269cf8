package io.slawatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.JobOptions;
import io.slawatch.KafkaTopics;
import io.slawatch.LiveJobOptions;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.testkit.Await;
import io.slawatch.testkit.Http;
import io.slawatch.testkit.SharedElasticsearch;
import io.slawatch.testkit.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The indexer cancelled mid-stream, without a savepoint, and started again: it resumes from the
 * offsets its last checkpoint committed, and Elasticsearch ends with every document of the topics
 * once, none lost and none doubled.
 */
@ExtendWith({SharedKafka.class, SharedElasticsearch.class})
class IndexerRestartITCase {

    static final int TICKETS = 2_000;

    @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.withSlots(4);

    @Test
    void shouldLoseNoDocumentAndDoubleNoneWhenTheIndexerIsKilledAndRestarted() throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        String url = SharedElasticsearch.url();
        Http http = new Http(url);
        ElasticsearchOutageITCase.reset(http, url);
        JobOptions options =
                LivePipelineITCase.options(
                        bootstrap, LivePipelineITCase.DEFAULT_POLICY, List.of(url));
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(6));
        List<byte[]> events = tickets(start, TICKETS);
        JobClient detection = LivePipelineITCase.start(options);
        try {
            LivePipelineITCase.produce(
                    bootstrap, options.eventsTopic(), events.subList(0, events.size() / 2));
            JobClient first = LivePipelineITCase.startIndexer(options);
            Await.until(
                    () -> committed(bootstrap, options.indexerGroupId()),
                    offsets -> offsets > 0,
                    Duration.ofMinutes(2));
            first.cancel().get();
            // Refreshed first: what the checkpoint flushed is indexed, not yet searchable.
            http.call("POST", "/" + ElasticsearchIndices.CLOCKS + "/_refresh", null);
            long indexedBeforeRestart =
                    ElasticsearchSinkITCase.countOrZero(http, ElasticsearchIndices.CLOCKS);

            LivePipelineITCase.produce(
                    bootstrap,
                    options.eventsTopic(),
                    events.subList(events.size() / 2, events.size()));
            JobClient second = LivePipelineITCase.startIndexer(options);
            try {
                assertThat(indexedBeforeRestart).as("indexed before the kill").isPositive();
                IndexedDocuments.assertIndexedAsOnTopics(
                        bootstrap, options, http, indexedBeforeRestart, Duration.ofMinutes(3));
            } finally {
                second.cancel().get();
            }
        } finally {
            detection.cancel().get();
        }
    }

    @Test
    void shouldIndexWhileTheLedgerTopicDoesNotExist() throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        String url = SharedElasticsearch.url();
        Http http = new Http(url);
        ElasticsearchOutageITCase.reset(http, url);
        Configuration given =
                LivePipelineITCase.options(
                                bootstrap, LivePipelineITCase.DEFAULT_POLICY, List.of(url))
                        .givenOptions();
        // A detection job without consequences never creates the ledger topic.
        given.set(LiveJobOptions.CREATE_TOPICS, false);
        JobOptions options = JobOptions.of(given);
        KafkaTopics.ensure(
                bootstrap,
                Map.of(),
                List.of(options.alertsTopic(), options.clocksTopic(), options.statsTopic()),
                1);
        LivePipelineITCase.produce(
                bootstrap,
                options.alertsTopic(),
                List.of(
                        ("{\"alertId\":\"L-1:RESPONSE:1:BREACHED:1\",\"ticketId\":\"L-1\","
                                        + "\"clock\":\"RESPONSE\",\"kind\":\"BREACHED\"}")
                                .getBytes(StandardCharsets.UTF_8)));

        JobClient indexer = LivePipelineITCase.startIndexer(options);
        try {
            Await.until(
                    () -> {
                        http.callOrNotFound(
                                "POST", "/" + ElasticsearchIndices.ALERTS + "/_refresh", null);
                        return ElasticsearchSinkITCase.countOrZero(
                                http, ElasticsearchIndices.ALERTS);
                    },
                    count -> count == 1,
                    Duration.ofMinutes(2));
            assertThat(indexer.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        } finally {
            indexer.cancel().get();
        }
    }

    /** The sum of the offsets the indexer's group committed, over its topics. */
    static long committed(String bootstrap, String group) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(properties)) {
            return admin
                    .listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .values()
                    .stream()
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        }
    }

    /**
     * {@code count} PHONE tickets two seconds apart, in time order: every fifth never answered (it
     * breaches and escalates), the others answered within 10 s; every third resolved 20 minutes
     * later.
     */
    static List<byte[]> tickets(Instant start, int count) {
        record Timed(Instant at, byte[] event) {}
        List<Timed> timed = new ArrayList<>();
        String created = ",\"channel\":\"PHONE\",\"priority\":\"NORMAL\",\"agentId\":\"a-1\"";
        for (int i = 0; i < count; i++) {
            Instant at = start.plusSeconds(2L * i);
            String ticket = "R-" + i;
            timed.add(
                    new Timed(
                            at,
                            LivePipelineITCase.event(
                                    ticket + "-c", ticket, "CREATED", at, created)));
            if (i % 5 != 0) {
                Instant answered = at.plusSeconds(10);
                timed.add(
                        new Timed(
                                answered,
                                LivePipelineITCase.event(
                                        ticket + "-r", ticket, "RESPONDED", answered, "")));
            }
            if (i % 3 == 0) {
                Instant resolved = at.plus(Duration.ofMinutes(20));
                timed.add(
                        new Timed(
                                resolved,
                                LivePipelineITCase.event(
                                        ticket + "-d", ticket, "RESOLVED", resolved, "")));
            }
        }
        timed.sort(Comparator.comparing(Timed::at));
        return timed.stream().map(Timed::event).toList();
    }
}

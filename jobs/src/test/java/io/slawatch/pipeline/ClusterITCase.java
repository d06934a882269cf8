package io.slawatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.IndexerJob;
import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.LiveJobOptions;
import io.slawatch.cluster.StandaloneFlinkCluster;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.replay.Replay;
import io.slawatch.serde.Json;
import io.slawatch.testkit.Await;
import io.slawatch.testkit.Checkout;
import io.slawatch.testkit.Http;
import io.slawatch.testkit.SharedElasticsearch;
import io.slawatch.testkit.SharedKafka;
import io.slawatch.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar's two jobs on a real multi-process Flink cluster (one JobManager, two
 * TaskManagers, each its own JVM), submitted through the REST API as {@code flink run} does. One
 * TaskManager is killed with SIGKILL in mid-stream and replaced: with EXACTLY_ONCE delivery the
 * alerts topic ends with exactly the alerts a replay of the same events gives, none missing and
 * none twice, and Elasticsearch with every document of the topics once.
 */
@ExtendWith({SharedKafka.class, SharedElasticsearch.class})
class ClusterITCase {

    static final int TICKETS = 3_000;
    static final Duration SETTLE = Duration.ofMinutes(4);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(45);

    // Kept when the test fails: the cluster processes' logs are in it.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    static Path shadedJar() throws Exception {
        try (DirectoryStream<Path> jars =
                Files.newDirectoryStream(
                        Checkout.resolve("jobs/target"), "slawatch-jobs-*-flink.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new IllegalStateException(
                "no shaded jar in jobs/target: the cluster test runs after `package`");
    }

    @Test
    void shouldAlertExactlyOnceAndIndexEverythingOnceThroughATaskManagerKilled() throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        String url = SharedElasticsearch.url();
        Http http = new Http(url);
        ElasticsearchOutageITCase.reset(http, url);
        Configuration given =
                LivePipelineITCase.options(
                                bootstrap, LivePipelineITCase.DEFAULT_POLICY, List.of(url))
                        .givenOptions();
        given.set(LiveJobOptions.DELIVERY, LiveJobOptions.Delivery.EXACTLY_ONCE);
        given.set(LiveJobOptions.PARALLELISM, 2);
        // The stream pauses while a TaskManager is killed and replaced; a quiet stream's event
        // time follows the wall clock after the idle timeout, which would breach tickets whose
        // stop events are still to come. Longer than the pause (the startup grace of the restarted
        // sources with it), event time follows the events, as in the replay the alerts are
        // compared with.
        given.set(LiveJobOptions.IDLE_TIMEOUT, IDLE_TIMEOUT);
        JobOptions options = JobOptions.of(given);
        // A month ago: every deadline, escalation and expiry of these tickets is past, so the
        // final alert set does not depend on when the test runs.
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(30));
        List<byte[]> events = IndexerRestartITCase.tickets(start, TICKETS);
        Map<String, JsonNode> expected = replayed(events, options);

        try (StandaloneFlinkCluster cluster =
                        StandaloneFlinkCluster.start(
                                work.resolve("flink"),
                                2,
                                2,
                                Map.of(
                                        "execution.checkpointing.dir",
                                        work.resolve("checkpoints").toUri().toString(),
                                        "restart-strategy.type",
                                        "fixed-delay",
                                        "restart-strategy.fixed-delay.attempts",
                                        "30",
                                        "restart-strategy.fixed-delay.delay",
                                        "2 s"));
                TopicReader alerts = new TopicReader(bootstrap, options.alertsTopic())) {
            String jar = cluster.uploadJar(shadedJar());
            String indexer =
                    cluster.runJar(
                            jar,
                            IndexerJob.class.getName(),
                            options.arguments(JobOptions.Job.INDEXER));
            awaitRunning(cluster, indexer);
            // Events follow at once: a live source that receives nothing for its startup grace
            // takes the stream for quiet, and these events are a month old.
            String detection =
                    cluster.runJar(
                            jar,
                            LiveJob.class.getName(),
                            options.arguments(JobOptions.Job.DETECTION));
            awaitRunning(cluster, detection);
            LivePipelineITCase.produce(
                    bootstrap, options.eventsTopic(), events.subList(0, events.size() / 2));
            alerts.readUntil(records -> records.size() > 0, Duration.ofMinutes(2));
            cluster.killTaskManager(0);
            cluster.startTaskManager();
            LivePipelineITCase.produce(
                    bootstrap,
                    options.eventsTopic(),
                    events.subList(events.size() / 2, events.size()));

            List<ConsumerRecord<String, String>> read =
                    alerts.readUntil(records -> records.size() >= expected.size(), SETTLE);
            Map<String, JsonNode> alerted = new TreeMap<>();
            List<String> twice = new ArrayList<>();
            for (ConsumerRecord<String, String> record : alerts.readFor(Duration.ofSeconds(5))) {
                JsonNode alert = Json.mapper().readTree(record.value());
                if (alerted.put(alert.get("alertId").asText(), alert) != null) {
                    twice.add(alert.get("alertId").asText());
                }
            }
            assertThat(twice).as("alerts delivered twice").isEmpty();
            assertThat(alerted.keySet())
                    .as("alert ids (the cluster's logs: %s)", work.resolve("flink"))
                    .isEqualTo(expected.keySet());
            assertThat(alerted).isEqualTo(expected);
            assertThat(read).isNotEmpty();
            assertThat(failures(cluster, detection) + failures(cluster, indexer))
                    .as("the jobs failed over when their TaskManager died")
                    .isPositive();

            IndexedDocuments.assertIndexedAsOnTopics(bootstrap, options, http, 0, SETTLE);
            cluster.cancel(indexer);
            cluster.cancel(detection);
        }
    }

    /**
     * The alerts a replay of {@code events} gives, by id, with one more ticket created now so that
     * event time reaches the present, as the live job's quiet-stream watermark does.
     */
    Map<String, JsonNode> replayed(List<byte[]> events, JobOptions options) throws Exception {
        Path input = work.resolve("events.jsonl");
        List<String> lines = new ArrayList<>();
        for (byte[] event : events) {
            lines.add(new String(event, StandardCharsets.UTF_8));
        }
        lines.add(
                new String(
                        LivePipelineITCase.event(
                                "now",
                                "NOW",
                                "CREATED",
                                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                                ",\"channel\":\"EMAIL\",\"priority\":\"LOW\""),
                        StandardCharsets.UTF_8));
        Files.write(input, lines);
        Path alerts = work.resolve("expected-alerts.jsonl");
        Replay.run(
                new Replay.Options(
                        List.of(input),
                        PolicyLoader.load(options.policyFile()),
                        alerts,
                        work.resolve("expected-outcomes.jsonl"),
                        work.resolve("expected-quarantine.jsonl"),
                        1,
                        options.outOfOrderness()),
                read -> {});
        Map<String, JsonNode> expected = new TreeMap<>();
        for (String line : Files.readAllLines(alerts)) {
            JsonNode alert = Json.mapper().readTree(line);
            expected.put(alert.get("alertId").asText(), alert);
        }
        assertThat(expected).isNotEmpty();
        return expected;
    }

    static void awaitRunning(StandaloneFlinkCluster cluster, String job) throws Exception {
        Await.until(
                () -> {
                    JsonNode status = cluster.get("/jobs/" + job);
                    boolean running = status.path("state").asText().equals("RUNNING");
                    for (JsonNode vertex : status.path("vertices")) {
                        running &= vertex.path("status").asText().equals("RUNNING");
                    }
                    return running;
                },
                running -> running,
                Duration.ofMinutes(2));
    }

    /** The failures in the job's exception history: each one made it restart. */
    static int failures(StandaloneFlinkCluster cluster, String job) throws Exception {
        return cluster.get("/jobs/" + job + "/exceptions")
                .path("exceptionHistory")
                .path("entries")
                .size();
    }
}

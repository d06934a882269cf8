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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * alerts topic ends with exactly the alerts a replay of the same events gives, and the ledger topic
 * with exactly the ledger a replay of the same events and reviews gives, none missing and none
 * twice; Elasticsearch holds every document of the topics once.
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
        Map<String, JsonNode> expected = replayed(events, options, List.of()).alerts();
        List<byte[]> reviews = reviews(expected.values());
        Map<String, JsonNode> expectedLedger = replayed(events, options, reviews).ledger();
        LivePipelineITCase.produce(bootstrap, options.reviewsTopic(), reviews);

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
                TopicReader alerts = new TopicReader(bootstrap, options.alertsTopic());
                TopicReader ledger = new TopicReader(bootstrap, options.ledgerTopic())) {
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
            Map<String, JsonNode> alerted =
                    recordsById(alerts.readFor(Duration.ofSeconds(5)), "alertId");
            assertThat(difference(alerted.keySet(), expected.keySet()))
                    .as("alerts the replay does not give (the cluster's logs: %s)", work)
                    .isEmpty();
            assertThat(difference(expected.keySet(), alerted.keySet()))
                    .as("alerts of the replay missing (the cluster's logs: %s)", work)
                    .isEmpty();
            assertThat(alerted).isEqualTo(expected);
            assertThat(read).isNotEmpty();
            ledger.readUntil(records -> records.size() >= expectedLedger.size(), SETTLE);
            assertThat(recordsById(ledger.readFor(Duration.ofSeconds(5)), "entryId"))
                    .as("the ledger, each entry once")
                    .isEqualTo(expectedLedger);
            assertThat(failures(cluster, detection) + failures(cluster, indexer))
                    .as("the jobs failed over when their TaskManager died")
                    .isPositive();

            IndexedDocuments.assertIndexedAsOnTopics(bootstrap, options, http, 0, SETTLE);
            cluster.cancel(indexer);
            cluster.cancel(detection);
        }
    }

    /** What a replay gives: alerts by id, and ledger entries by id (empty without reviews). */
    record Expected(Map<String, JsonNode> alerts, Map<String, JsonNode> ledger) {}

    /**
     * What a replay of {@code events} (and {@code reviews}) gives, with one more ticket created now
     * so that event time reaches the present, as the live job's quiet-stream watermark does.
     */
    Expected replayed(List<byte[]> events, JobOptions options, List<byte[]> reviews)
            throws Exception {
        Path dir = Files.createDirectories(work.resolve("expected-" + reviews.size()));
        Path input = dir.resolve("events.jsonl");
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
        Path reviewFile = dir.resolve("reviews.jsonl");
        List<String> reviewLines = new ArrayList<>();
        for (byte[] review : reviews) {
            reviewLines.add(new String(review, StandardCharsets.UTF_8));
        }
        Files.write(reviewFile, reviewLines);
        Path alerts = dir.resolve("alerts.jsonl");
        Path ledger = reviews.isEmpty() ? null : dir.resolve("ledger.jsonl");
        Replay.run(
                new Replay.Options(
                        List.of(input),
                        PolicyLoader.load(options.policyFile()),
                        alerts,
                        dir.resolve("outcomes.jsonl"),
                        dir.resolve("quarantine.jsonl"),
                        1,
                        options.outOfOrderness(),
                        List.of(reviewFile),
                        ledger),
                read -> {});
        Map<String, JsonNode> expectedAlerts = byId(Files.readAllLines(alerts), "alertId");
        assertThat(expectedAlerts).isNotEmpty();
        return new Expected(
                expectedAlerts,
                ledger == null ? Map.of() : byId(Files.readAllLines(ledger), "entryId"));
    }

    /**
     * A supervision team's reviews of the breaches among {@code alerts}: every third confirmed an
     * hour after it, every seventh waived, the rest left to the policy; half the confirmed cases'
     * apologies marked DONE; and one second decision, which is quarantined.
     */
    static List<byte[]> reviews(Iterable<JsonNode> alerts) {
        List<JsonNode> breaches = new ArrayList<>();
        alerts.forEach(
                alert -> {
                    if (alert.get("kind").asText().equals("BREACHED")
                            && alert.get("level").asInt() == 1) {
                        breaches.add(alert);
                    }
                });
        List<byte[]> reviews = new ArrayList<>();
        for (int i = 0; i < breaches.size(); i++) {
            String alertId = breaches.get(i).get("alertId").asText();
            Instant at = Instant.parse(breaches.get(i).get("eventTime").asText());
            if (i % 3 == 0) {
                reviews.add(review("R-" + i, alertId, "CONFIRM", at.plus(Duration.ofHours(1))));
                if (i % 2 == 0) {
                    reviews.add(
                            Json.bytes(
                                    Json.mapper()
                                            .createObjectNode()
                                            .put("reviewId", "R-" + i + "-done")
                                            .put("entryId", alertId + ":APOLOGY")
                                            .put("decision", "DONE")
                                            .put("reviewer", "care-1")
                                            .put(
                                                    "decidedAt",
                                                    at.plus(Duration.ofHours(3)).toString())));
                }
                if (i == 0) {
                    reviews.add(
                            review("R-0-again", alertId, "WAIVE", at.plus(Duration.ofHours(2))));
                }
            } else if (i % 7 == 1) {
                reviews.add(review("R-" + i, alertId, "WAIVE", at.plus(Duration.ofHours(2))));
            }
        }
        return reviews;
    }

    private static byte[] review(String id, String alertId, String decision, Instant at) {
        return Json.bytes(
                Json.mapper()
                        .createObjectNode()
                        .put("reviewId", id)
                        .put("alertId", alertId)
                        .put("decision", decision)
                        .put("reviewer", "sup-1")
                        .put("reason", "checked")
                        .put("decidedAt", at.toString()));
    }

    /** JSON lines by their {@code idField}; a second line with an id fails the test. */
    static Map<String, JsonNode> byId(List<String> lines, String idField) throws Exception {
        Map<String, JsonNode> byId = new TreeMap<>();
        for (String line : lines) {
            JsonNode node = Json.mapper().readTree(line);
            assertThat(byId.put(node.get(idField).asText(), node))
                    .as("%s %s delivered twice", idField, node.get(idField).asText())
                    .isNull();
        }
        return byId;
    }

    static Map<String, JsonNode> recordsById(
            List<ConsumerRecord<String, String>> records, String idField) throws Exception {
        return byId(records.stream().map(ConsumerRecord::value).toList(), idField);
    }

    /** What {@code of} holds that {@code other} does not. */
    static Set<String> difference(Set<String> of, Set<String> other) {
        Set<String> difference = new TreeSet<>(of);
        difference.removeAll(other);
        return difference;
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

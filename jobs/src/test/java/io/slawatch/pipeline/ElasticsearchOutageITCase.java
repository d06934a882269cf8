package io.slawatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.JobClients;
import io.slawatch.embedded.EmbeddedElasticsearch;
import io.slawatch.serde.Json;
import io.slawatch.sink.ElasticsearchClients;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.sink.ElasticsearchOptions;
import io.slawatch.testkit.Await;
import io.slawatch.testkit.Http;
import io.slawatch.testkit.SharedElasticsearch;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Elasticsearch down for {@link #OUTAGE} in the middle of a run of the sink: it retries and holds
 * its job back (in production the indexer, which only lags), and once Elasticsearch is up again
 * every document is there exactly once, identical to a run without the outage.
 */
@ExtendWith(SharedElasticsearch.class)
class ElasticsearchOutageITCase {

    static final Duration OUTAGE = Duration.ofSeconds(20);
    static final int WEEKS_OF_SAMPLE = 60;

    @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.withSlots(2);

    @TempDir Path temp;

    /**
     * The sample stream repeated week after week up to its own week (later would be in the future),
     * with its own ticket and event ids, so that the run lasts long enough to be interrupted; the
     * sample's unparsable lines are kept once.
     */
    Path weeksOfSample() throws Exception {
        Path stream = temp.resolve("weeks.jsonl");
        List<String> sample = Files.readAllLines(ElasticsearchSinkITCase.SAMPLE);
        try (BufferedWriter out = Files.newBufferedWriter(stream, StandardCharsets.UTF_8)) {
            for (int week = 0; week < WEEKS_OF_SAMPLE; week++) {
                for (String line : sample) {
                    JsonNode event;
                    try {
                        event = Json.mapper().readTree(line);
                    } catch (Exception malformed) {
                        event = null;
                    }
                    if (!(event instanceof ObjectNode fields) || !fields.has("occurredAt")) {
                        if (week == 0) {
                            out.write(line);
                            out.newLine();
                        }
                        continue;
                    }
                    String prefix = "W" + week + "-";
                    fields.put("eventId", prefix + fields.path("eventId").asText());
                    fields.put("ticketId", prefix + fields.path("ticketId").asText());
                    for (String time : List.of("occurredAt", "etaAt")) {
                        if (fields.path(time).isTextual()) {
                            try {
                                fields.put(
                                        time,
                                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                                OffsetDateTime.parse(fields.get(time).asText())
                                                        .minusWeeks(WEEKS_OF_SAMPLE - 1 - week)));
                            } catch (java.time.format.DateTimeParseException keep) {
                                // A malformed time stays malformed: it is quarantined each week.
                            }
                        }
                    }
                    out.write(fields.toString());
                    out.newLine();
                }
            }
        }
        return stream;
    }

    static void reset(Http http, String url) throws Exception {
        ElasticsearchSinkITCase.resetIndices(http);
        ElasticsearchIndices.installTemplates(
                ElasticsearchClients.create(ElasticsearchOptions.of(url)));
    }

    @Test
    void shouldHoldBackThroughAnOutageAndThenHoldEveryDocumentExactlyOnce() throws Exception {
        EmbeddedElasticsearch elasticsearch = SharedElasticsearch.instance();
        String url = elasticsearch.url();
        Http http = new Http(url);
        Path input = weeksOfSample();

        reset(http, url);
        ElasticsearchSinkITCase.replayIntoElasticsearch(url, input)
                .getJobExecutionResult()
                .get(5, TimeUnit.MINUTES);
        Map<String, JsonNode> withoutOutage = IndexedDocuments.inElasticsearch(http);
        assertThat(withoutOutage).hasSizeGreaterThan(WEEKS_OF_SAMPLE * 150);

        reset(http, url);
        JobClient job = ElasticsearchSinkITCase.replayIntoElasticsearch(url, input);
        try {
            // Frozen the moment the job runs, however fast it indexes (some of its first bulks may
            // be
            // in): the outage begins mid-run. Then gone.
            JobClients.awaitRunning(job);
            elasticsearch.freeze();
            assertThat(job.getJobStatus().get()).as("stopped mid-run").isEqualTo(JobStatus.RUNNING);
            elasticsearch.crash();
            long outageEnds = System.nanoTime() + OUTAGE.toNanos();
            assertThat(
                            Await.until(
                                    () -> job.getJobStatus().get(),
                                    status ->
                                            status != JobStatus.RUNNING
                                                    || System.nanoTime() >= outageEnds,
                                    OUTAGE.plusSeconds(5)))
                    .as("retrying, not failed, through the whole outage")
                    .isEqualTo(JobStatus.RUNNING);
        } finally {
            // The outage ends; a failure before the crash must not leave it frozen either.
            if (elasticsearch.running()) {
                elasticsearch.thaw();
            } else {
                elasticsearch.restart();
            }
        }
        job.getJobExecutionResult().get(5, TimeUnit.MINUTES);

        Map<String, JsonNode> afterOutage = IndexedDocuments.inElasticsearch(http);
        assertThat(afterOutage.keySet()).isEqualTo(withoutOutage.keySet());
        assertThat(afterOutage).isEqualTo(withoutOutage);
    }
}

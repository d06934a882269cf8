package io.slawatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.SlaMonitorJob;
import io.slawatch.consequence.Consequences;
import io.slawatch.index.LedgerViews;
import io.slawatch.index.PredictionViews;
import io.slawatch.index.TopicDocument;
import io.slawatch.ingest.EventDecoder;
import io.slawatch.ingest.ReviewDecoder;
import io.slawatch.ingest.file.FileLinesSource;
import io.slawatch.model.Alert;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.replay.Replay;
import io.slawatch.serde.Json;
import io.slawatch.sink.ElasticsearchClients;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.sink.ElasticsearchOptions;
import io.slawatch.sink.ElasticsearchSink;
import io.slawatch.sink.IndexedDocument;
import io.slawatch.sink.RejectedDocuments;
import io.slawatch.stats.RollingStatsFunction;
import io.slawatch.testkit.Checkout;
import io.slawatch.testkit.Http;
import io.slawatch.testkit.SharedElasticsearch;
import io.slawatch.time.EventTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job graph's alerts and outcomes in a real Elasticsearch: exact, whole, and idempotent. */
@ExtendWith(SharedElasticsearch.class)
class ElasticsearchSinkITCase {

    static final Path ROOT = Checkout.ROOT;
    static final Path SAMPLE = ROOT.resolve("schemas/examples/streams/sample-tickets.jsonl");

    @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.withSlots(2);

    /**
     * Starts the job graph over {@code inputs} in replay mode, writing to the Elasticsearch at
     * {@code url} only; the caller waits for its end.
     */
    static JobClient replayIntoElasticsearch(String url, Path... inputs) throws Exception {
        return replayIntoElasticsearch(url, List.of(), inputs);
    }

    /**
     * The replay of {@code inputs} into Elasticsearch; with {@code reviews}, the consequences
     * ledger too, as the indexer writes it (entries, and the cases' and actions' states).
     */
    static JobClient replayIntoElasticsearch(String url, List<Path> reviews, Path... inputs)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        SlaPolicy policy = PolicyLoader.load(ROOT.resolve("deploy/policies/default.yaml"));
        SlaMonitorJob.Outputs outputs =
                SlaMonitorJob.build(
                        env,
                        new FileLinesSource<>(
                                Stream.of(inputs).map(Path::toString).toList(),
                                EventDecoder.withDefaults()),
                        1,
                        EventTime.replay(EventTime.DEFAULT_OUT_OF_ORDERNESS),
                        policy,
                        List.of());
        SlaMonitorJob.sinkTo(
                outputs,
                new SlaMonitorJob.Sinks(
                        new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>()));
        ElasticsearchOptions elasticsearch = ElasticsearchOptions.of(url);
        RejectedDocuments rejected = RejectedDocuments.logged();
        outputs.alerts()
                .sinkTo(
                        new ElasticsearchSink<>(
                                elasticsearch, ElasticsearchIndices::alert, rejected));
        // Where each prediction stands, as the indexer writes it beside the alerts.
        outputs.alerts()
                .flatMap(
                        (Alert alert, Collector<TopicDocument> out) ->
                                PredictionViews.of(Json.mapper().valueToTree(alert))
                                        .ifPresent(out::collect))
                .returns(TopicDocument.class)
                .sinkTo(new ElasticsearchSink<>(elasticsearch, TopicDocument::indexed, rejected));
        outputs.clocks()
                .sinkTo(
                        new ElasticsearchSink<>(
                                elasticsearch, ElasticsearchIndices::clock, rejected));
        SlaMonitorJob.statistics(outputs, RollingStatsFunction.DEFAULT_ALLOWED_LATENESS)
                .sinkTo(
                        new ElasticsearchSink<>(
                                elasticsearch, ElasticsearchIndices::stats, rejected));
        if (!reviews.isEmpty()) {
            Consequences.build(
                            env,
                            outputs.clockAlerts(),
                            outputs.outcomes(),
                            new FileLinesSource<>(
                                    reviews.stream().map(Path::toString).toList(),
                                    ReviewDecoder.withDefaults()),
                            1,
                            EventTime.reviewsReplay(EventTime.DEFAULT_OUT_OF_ORDERNESS),
                            new Consequences.Rules(policy, List.of(), null),
                            // As a replay does: when the events end before the reviews, event
                            // time would otherwise jump from the last review straight to "the
                            // input ended" and leave every case decided after it open.
                            Replay.lastEventTime(List.of(inputs)))
                    .ledger()
                    .flatMap(
                            (LedgerEntry entry, Collector<TopicDocument> out) -> {
                                ObjectNode json = Json.mapper().valueToTree(entry);
                                out.collect(
                                        TopicDocument.of(
                                                ElasticsearchIndices.LEDGER,
                                                entry.entryId(),
                                                json.toString(),
                                                0));
                                LedgerViews.of(json).ifPresent(out::collect);
                            })
                    .returns(TopicDocument.class)
                    .sinkTo(
                            new ElasticsearchSink<>(
                                    elasticsearch, TopicDocument::indexed, rejected));
        }
        return env.executeAsync("slawatch into elasticsearch");
    }

    static void replaySampleIntoElasticsearch(String url) throws Exception {
        replayIntoElasticsearch(url, SAMPLE).getJobExecutionResult().get(5, TimeUnit.MINUTES);
    }

    @Test
    void shouldIndexEveryAlertAndOutcomeOnceWholeAndOverwriteOnReplay() throws Exception {
        String url = SharedElasticsearch.url();
        Http http = new Http(url);
        resetIndices(http);
        assertThat(
                        ElasticsearchIndices.installTemplates(
                                ElasticsearchClients.create(ElasticsearchOptions.of(url))))
                .containsExactlyElementsOf(ElasticsearchIndices.TEMPLATES);

        replaySampleIntoElasticsearch(url);
        http.call("POST", "/slawatch-*/_refresh", null);
        assertThat(count(http, ElasticsearchIndices.ALERTS)).isEqualTo(68);
        assertThat(count(http, ElasticsearchIndices.CLOCKS))
                .as(
                        "one document per clock cycle a dashboard shows: of the 94, not the one"
                                + " still quiet (running, no warning) when the input ends")
                .isEqualTo(93);
        assertThat(count(http, ElasticsearchIndices.CLOCKS, "elapsedBusinessSeconds"))
                .as("the 92 ended cycles carry their outcome")
                .isEqualTo(92);
        assertThat(statuses(http))
                .as("clock cycles by their last status")
                .isEqualTo(
                        Json.mapper()
                                .readTree(
                                        "{\"MET\":73,\"MET_LATE\":15,\"CANCELLED\":4,\"ESCALATED\":1}"));

        assertThat(count(http, ElasticsearchIndices.CLOCKS, "breachedAt"))
                .as("17 BREACHED alerts less one retraction")
                .isEqualTo(16);
        assertThat(count(http, ElasticsearchIndices.CLOCKS, "onTime"))
                .as("88 cycles finished, met or met late")
                .isEqualTo(88);
        assertThat(count(http, ElasticsearchIndices.CLOCKS, "escalatedAt"))
                .as("six cycles escalated, once each")
                .isEqualTo(6);
        assertThat(sums(http, ElasticsearchIndices.CLOCKS, "onTime", "escalations"))
                .as(
                        "73 of the 88 met on time; 7 ESCALATED alerts less one retraction, as the"
                                + " tallies that the dashboards sum")
                .isEqualTo(Json.mapper().readTree("{\"onTime\":73,\"escalations\":6}"));

        JsonNode retraction =
                Json.mapper()
                        .readTree(
                                http.call(
                                        "GET",
                                        "/slawatch-alerts/_doc/S-0026:RESPONSE:1:RETRACTED:2",
                                        null))
                        .get("_source");
        assertThat(retraction)
                .isEqualTo(
                        Json.mapper()
                                .readTree(
                                        "{\"alertId\":\"S-0026:RESPONSE:1:RETRACTED:2\",\"ticketId\":\"S-0026\",\"clock\":\"RESPONSE\",\"kind\":\"RETRACTED\",\"level\":2,\"cycle\":1,"
                                                + "\"startedAt\":\"2026-11-16T01:02:00Z\",\"deadline\":\"2026-11-16T01:02:30Z\",\"eventTime\":\"2026-11-16T01:02:28Z\",\"targetSeconds\":30,"
                                                + "\"retractsAlertId\":\"S-0026:RESPONSE:1:ESCALATED:2\",\"channel\":\"PHONE\",\"priority\":\"NORMAL\",\"complexity\":\"STANDARD\","
                                                + "\"agentId\":\"a-02\",\"team\":\"north\",\"region\":\"xuhui\",\"policyVersion\":\"2026.11-1\"}"));
        JsonNode mapping =
                Json.mapper().readTree(http.call("GET", "/slawatch-alerts/_mapping", null));
        assertThat(mapping.at("/slawatch-alerts/mappings/properties/eventTime/type").asText())
                .isEqualTo("date");

        replaySampleIntoElasticsearch(url);
        http.call("POST", "/slawatch-*/_refresh", null);
        assertThat(count(http, ElasticsearchIndices.ALERTS))
                .as("a replay overwrites")
                .isEqualTo(68);
        assertThat(count(http, ElasticsearchIndices.CLOCKS)).isEqualTo(93);
        assertThat(
                        ElasticsearchIndices.installTemplates(
                                ElasticsearchClients.create(ElasticsearchOptions.of(url))))
                .isEmpty();
    }

    @Test
    void shouldUpgradeAnOlderTemplateAndAddItsNewFieldsToTheIndex() throws Exception {
        String url = SharedElasticsearch.url();
        Http http = new Http(url);
        resetIndices(http);
        String bundled =
                Files.readString(ROOT.resolve("deploy/elasticsearch/slawatch-alerts.json"));
        String before =
                bundled.replace("  \"version\": 3,\n", "")
                        .replace("        \"customerId\": {\"type\": \"keyword\"},\n", "")
                        .replace("        \"probability\": {\"type\": \"double\"},\n", "");
        http.call("PUT", "/_index_template/" + ElasticsearchIndices.ALERTS, before);
        http.call("PUT", "/" + ElasticsearchIndices.ALERTS, null);

        assertThat(
                        ElasticsearchIndices.installTemplates(
                                ElasticsearchClients.create(ElasticsearchOptions.of(url))))
                .containsExactlyElementsOf(ElasticsearchIndices.TEMPLATES);

        http.call(
                "PUT",
                "/" + ElasticsearchIndices.ALERTS + "/_doc/a-1?refresh=true",
                "{\"alertId\":\"a-1\",\"customerId\":\"c-1\",\"probability\":0.78}");
        assertThat(count(http, ElasticsearchIndices.ALERTS)).isEqualTo(1);
    }

    static final Queue<QuarantineRecord> QUARANTINED = new ConcurrentLinkedQueue<>();

    @Test
    void shouldQuarantineADocumentElasticsearchRefusesAndIndexTheRest() throws Exception {
        String url = SharedElasticsearch.url();
        Http http = new Http(url);
        resetIndices(http);
        ElasticsearchIndices.installTemplates(
                ElasticsearchClients.create(ElasticsearchOptions.of(url)));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData("T-1", "T-2", "T-BAD")
                .sinkTo(
                        new ElasticsearchSink<String>(
                                ElasticsearchOptions.of(url),
                                ticketId -> {
                                    var source =
                                            Json.mapper()
                                                    .createObjectNode()
                                                    .put(
                                                            "alertId",
                                                            ticketId + ":RESPONSE:1:BREACHED:1")
                                                    .put("ticketId", ticketId);
                                    if (ticketId.equals("T-BAD")) {
                                        source.put("customerPhone", "not in the mapping");
                                    }
                                    return new IndexedDocument(
                                            ElasticsearchIndices.ALERTS,
                                            source.get("alertId").asText(),
                                            source);
                                },
                                () -> QUARANTINED::add));
        env.execute("a refused document");

        http.call("POST", "/slawatch-alerts/_refresh", null);
        assertThat(count(http, ElasticsearchIndices.ALERTS)).isEqualTo(2);
        assertThat(QUARANTINED).hasSize(1);
        QuarantineRecord refused = QUARANTINED.peek();
        assertThat(refused.reason()).isEqualTo(QuarantineReason.REJECTED_BY_ELASTICSEARCH);
        assertThat(refused.ticketId()).isEqualTo("T-BAD");
        assertThat(refused.detail())
                .startsWith("index slawatch-alerts, _id T-BAD:RESPONSE:1:BREACHED:1: HTTP 400, ")
                .contains("customerPhone");
        assertThat(Json.mapper().readTree(refused.payload()))
                .isEqualTo(
                        Json.mapper()
                                .readTree(
                                        "{\"alertId\":\"T-BAD:RESPONSE:1:BREACHED:1\",\"ticketId\":\"T-BAD\",\"customerPhone\":\"not in the mapping\"}"));
    }

    /** Removes slawatch's indices and templates: tests that fill them share one Elasticsearch. */
    static void resetIndices(Http http) throws Exception {
        for (String name : ElasticsearchIndices.TEMPLATES) {
            http.callOrNotFound("DELETE", "/" + name, null);
            http.callOrNotFound("DELETE", "/_index_template/" + name, null);
        }
    }

    /** Clock documents per status, from a terms aggregation as a dashboard would run it. */
    static JsonNode statuses(Http http) throws Exception {
        JsonNode buckets =
                Json.mapper()
                        .readTree(
                                http.call(
                                        "POST",
                                        "/slawatch-clocks/_search",
                                        "{\"size\":0,\"aggs\":{\"s\":{\"terms\":{\"field\":\"status\"}}}}"))
                        .at("/aggregations/s/buckets");
        var counts = Json.mapper().createObjectNode();
        buckets.forEach(
                bucket -> counts.put(bucket.get("key").asText(), bucket.get("doc_count").asInt()));
        return counts;
    }

    /** Sums of numeric fields over a whole index, as a stat panel over all time shows them. */
    static JsonNode sums(Http http, String index, String... fields) throws Exception {
        var aggs = Json.mapper().createObjectNode();
        for (String field : fields) {
            aggs.putObject(field).putObject("sum").put("field", field);
        }
        var search = Json.mapper().createObjectNode().put("size", 0);
        search.set("aggs", aggs);
        JsonNode result =
                Json.mapper()
                        .readTree(http.call("POST", "/" + index + "/_search", search.toString()))
                        .get("aggregations");
        var sums = Json.mapper().createObjectNode();
        for (String field : fields) {
            sums.put(field, result.get(field).get("value").asLong());
        }
        return Json.mapper().readTree(sums.toString());
    }

    /** The index's document count; zero while it does not exist yet or does not answer. */
    static long countOrZero(Http http, String index) {
        try {
            String response = http.callOrNotFound("GET", "/" + index + "/_count", null);
            return response == null ? 0 : Json.mapper().readTree(response).get("count").asLong();
        } catch (Exception | AssertionError notYet) {
            return 0;
        }
    }

    /** Documents of {@code index} that have {@code field}. */
    static long count(Http http, String index, String field) throws Exception {
        return Json.mapper()
                .readTree(
                        http.call(
                                "POST",
                                "/" + index + "/_count",
                                "{\"query\":{\"exists\":{\"field\":\"" + field + "\"}}}"))
                .get("count")
                .asLong();
    }

    static long count(Http http, String index) throws Exception {
        return Json.mapper()
                .readTree(http.call("GET", "/" + index + "/_count", null))
                .get("count")
                .asLong();
    }
}

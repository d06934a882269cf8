package io.slawatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.IndexerJob;
import io.slawatch.serde.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads the running jobs' gauges and watermark from the Flink REST API (the web UI's), as an
 * operator would: open tickets, running clocks and the SLA operator's watermark from detection; the
 * newest event time the indexer put in Elasticsearch, when it runs.
 */
final class JobStatusProbe {

    static final String SLA_OPERATOR = "ticket SLA clocks";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    static final String NEWEST_INDEXED = ".newestIndexedEventTime";

    private final String base;
    private final String indexerBase;
    private String vertex;
    private List<String> gaugeIds;

    /** The vertices of the indexer's sinks, one a topic. */
    private final List<String> sinkVertices = new ArrayList<>();

    /** The gauge of the newest event time indexed, by sink vertex, once it has registered it. */
    private final Map<String, String> newestIndexedIds = new HashMap<>();

    /** {@code indexerJobId} null: no indexer runs. */
    JobStatusProbe(int restPort, String jobId, String indexerJobId) {
        this.base = "http://localhost:" + restPort + "/jobs/" + jobId;
        this.indexerBase =
                indexerJobId == null
                        ? null
                        : "http://localhost:" + restPort + "/jobs/" + indexerJobId;
    }

    /** The jobs' figures now; empty values while a job is starting. */
    record Figures(
            OptionalLong openTickets,
            OptionalLong runningClocks,
            OptionalLong watermark,
            OptionalLong newestIndexed) {
        static final Figures UNKNOWN =
                new Figures(
                        OptionalLong.empty(),
                        OptionalLong.empty(),
                        OptionalLong.empty(),
                        OptionalLong.empty());
    }

    Figures read() {
        Figures detection = readDetection();
        return new Figures(
                detection.openTickets(),
                detection.runningClocks(),
                detection.watermark(),
                readNewestIndexed());
    }

    /** The newest event time in Elasticsearch, the maximum over every sink's subtasks. */
    private OptionalLong readNewestIndexed() {
        if (indexerBase == null) {
            return OptionalLong.empty();
        }
        try {
            if (sinkVertices.isEmpty()) {
                for (JsonNode candidate : get(indexerBase, "").get("vertices")) {
                    if (candidate.get("name").asText().contains(IndexerJob.DOCUMENTS_SINK)) {
                        sinkVertices.add(candidate.get("id").asText());
                    }
                }
            }
            for (String vertex : sinkVertices) {
                if (!newestIndexedIds.containsKey(vertex)) {
                    for (JsonNode metric :
                            get(indexerBase, "/vertices/" + vertex + "/subtasks/metrics")) {
                        if (metric.get("id").asText().endsWith(NEWEST_INDEXED)) {
                            newestIndexedIds.put(vertex, metric.get("id").asText());
                        }
                    }
                }
            }
            OptionalLong newest = OptionalLong.empty();
            for (Map.Entry<String, String> gauge : newestIndexedIds.entrySet()) {
                for (JsonNode metric :
                        get(
                                indexerBase,
                                "/vertices/"
                                        + gauge.getKey()
                                        + "/subtasks/metrics?agg=max&get="
                                        + gauge.getValue().replace(" ", "%20"))) {
                    if (metric.has("max")) {
                        long max = (long) metric.get("max").asDouble();
                        if (newest.isEmpty() || max > newest.getAsLong()) {
                            newest = OptionalLong.of(max);
                        }
                    }
                }
            }
            return newest;
        } catch (Exception notYet) {
            return OptionalLong.empty();
        }
    }

    private Figures readDetection() {
        try {
            if (vertex == null) {
                for (JsonNode candidate : get("").get("vertices")) {
                    if (candidate.get("name").asText().contains(SLA_OPERATOR)) {
                        vertex = candidate.get("id").asText();
                    }
                }
            }
            if (vertex == null) {
                return Figures.UNKNOWN;
            }
            if (gaugeIds == null || gaugeIds.size() < 2) {
                gaugeIds = new ArrayList<>();
                for (JsonNode metric : get("/vertices/" + vertex + "/subtasks/metrics")) {
                    String id = metric.get("id").asText();
                    if (id.endsWith(".openTickets") || id.endsWith(".runningClocks")) {
                        gaugeIds.add(id);
                    }
                }
            }
            long open = -1;
            long running = -1;
            if (!gaugeIds.isEmpty()) {
                for (JsonNode metric :
                        get(
                                "/vertices/"
                                        + vertex
                                        + "/subtasks/metrics?agg=sum&get="
                                        + String.join(",", gaugeIds).replace(" ", "%20"))) {
                    long value = (long) metric.get("sum").asDouble();
                    if (metric.get("id").asText().endsWith(".openTickets")) {
                        open = value;
                    } else {
                        running = value;
                    }
                }
            }
            long watermark = Long.MAX_VALUE;
            for (JsonNode subtask : get("/vertices/" + vertex + "/watermarks")) {
                watermark = Math.min(watermark, subtask.get("value").asLong());
            }
            return new Figures(
                    open < 0 ? OptionalLong.empty() : OptionalLong.of(open),
                    running < 0 ? OptionalLong.empty() : OptionalLong.of(running),
                    watermark <= 0 || watermark == Long.MAX_VALUE
                            ? OptionalLong.empty()
                            : OptionalLong.of(watermark),
                    OptionalLong.empty());
        } catch (Exception notYet) {
            return Figures.UNKNOWN;
        }
    }

    private JsonNode get(String path) throws Exception {
        return get(base, path);
    }

    private JsonNode get(String job, String path) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(job + path))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode());
        }
        return Json.mapper().readTree(response.body());
    }
}

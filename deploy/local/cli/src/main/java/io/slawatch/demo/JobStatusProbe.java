package io.slawatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.serde.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the running job's gauges and watermark from the Flink REST API (the web UI's), as an
 * operator would: open tickets, running clocks and the SLA operator's watermark.
 */
final class JobStatusProbe {

    static final String SLA_OPERATOR = "ticket SLA clocks";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final String base;
    private String vertex;
    private List<String> gaugeIds;

    JobStatusProbe(int restPort, String jobId) {
        this.base = "http://localhost:" + restPort + "/jobs/" + jobId;
    }

    /** The job's figures now; empty values while the job is starting. */
    record Figures(OptionalLong openTickets, OptionalLong runningClocks, OptionalLong watermark) {
        static final Figures UNKNOWN =
                new Figures(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    Figures read() {
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
                            : OptionalLong.of(watermark));
        } catch (Exception notYet) {
            return Figures.UNKNOWN;
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode());
        }
        return Json.mapper().readTree(response.body());
    }
}

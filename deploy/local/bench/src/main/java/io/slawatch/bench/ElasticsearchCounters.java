package io.slawatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.serde.Json;
import io.slawatch.sink.ElasticsearchIndices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** What the benchmarks read from Elasticsearch itself: index operations done, newest documents. */
final class ElasticsearchCounters {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;

    ElasticsearchCounters(String url) {
        this.url = url;
    }

    String url() {
        return url;
    }

    /** Index operations Elasticsearch has done so far by index, overwrites included. */
    Map<String, Long> documentsIndexed() throws IOException, InterruptedException {
        JsonNode indices =
                call(
                                "GET",
                                "/_stats/indexing?filter_path=indices.*.primaries.indexing"
                                        + ".index_total",
                                null)
                        .path("indices");
        Map<String, Long> indexed = new TreeMap<>();
        indices.fieldNames()
                .forEachRemaining(
                        index ->
                                indexed.put(
                                        index,
                                        indices.path(index).findValue("index_total").asLong()));
        return indexed;
    }

    static long sum(Map<String, Long> indexed) {
        return indexed.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until Elasticsearch's index operations since {@code before} have begun and then stopped
     * growing for {@code quiet} (ten minutes at most); returns when they last grew, as {@link
     * System#nanoTime()}, and how many there were.
     */
    Growth awaitQuiet(Map<String, Long> before, Duration quiet)
            throws IOException, InterruptedException {
        long total = sum(documentsIndexed()) - sum(before);
        long lastGrowth = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while ((total == 0 || System.nanoTime() - lastGrowth < quiet.toNanos())
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = sum(documentsIndexed()) - sum(before);
            if (now > total) {
                total = now;
                lastGrowth = System.nanoTime();
            }
        }
        return new Growth(total, lastGrowth);
    }

    record Growth(long operations, long lastGrowthNanos) {}

    /**
     * The consequences' indices, left out of detection's own documents per event: the measure issue
     * 14 set its goal on, before the ledger existed.
     */
    static final Set<String> CONSEQUENCE_INDICES =
            Set.of(
                    ElasticsearchIndices.LEDGER,
                    ElasticsearchIndices.CASES,
                    ElasticsearchIndices.ACTIONS);

    /**
     * Documents per event read, in all, without the {@link #CONSEQUENCE_INDICES}, and by index,
     * between two {@link #documentsIndexed}.
     */
    static String documentsPerEvent(Map<String, Long> before, Map<String, Long> after, long read) {
        StringBuilder byIndex = new StringBuilder();
        long total = 0;
        long consequences = 0;
        for (Map.Entry<String, Long> index : after.entrySet()) {
            long documents = index.getValue() - before.getOrDefault(index.getKey(), 0L);
            total += documents;
            if (CONSEQUENCE_INDICES.contains(index.getKey())) {
                consequences += documents;
            }
            byIndex.append(byIndex.isEmpty() ? "" : ", ")
                    .append(index.getKey().replace("slawatch-", ""))
                    .append(String.format(Locale.ROOT, " %.2f", documents / (double) read));
        }
        return String.format(
                Locale.ROOT,
                "%.2f Elasticsearch documents indexed per event, %.2f without the consequences'"
                        + " ledger, cases and actions (%s)",
                total / (double) read,
                (total - consequences) / (double) read,
                byIndex);
    }

    /**
     * The newest {@code field} of {@code index} as a dashboard sees it (a search refreshes an idle
     * shard first), in epoch milliseconds; absent before the first document, and while the index
     * that document creates is missing (404) or its shard not started (503).
     */
    Long newest(String index, String field) throws IOException, InterruptedException {
        String path = "/" + index + "/_search?filter_path=aggregations";
        String body = "{\"size\":0,\"aggs\":{\"newest\":{\"max\":{\"field\":\"" + field + "\"}}}}";
        HttpResponse<String> response = send("POST", path, body);
        if (response.statusCode() == 404 || response.statusCode() == 503) {
            return null;
        }
        if (response.statusCode() >= 300) {
            throw new IOException(
                    "POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        JsonNode newest = Json.mapper().readTree(response.body()).at("/aggregations/newest/value");
        return newest.isNumber() ? newest.asLong() : null;
    }

    /** Deletes {@code indices}; their templates stay, so the next write creates them afresh. */
    void delete(Iterable<String> indices) throws IOException, InterruptedException {
        for (String index : indices) {
            send("DELETE", "/" + index, null);
        }
    }

    JsonNode call(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() >= 300) {
            throw new IOException(
                    method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return Json.mapper().readTree(response.body());
    }

    /** Any answer, 404 included: the caller decides what it means. */
    HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        return send(method, path, body, "application/json");
    }

    HttpResponse<String> send(String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url + path))
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", contentType);
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

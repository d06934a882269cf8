package io.slawatch.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.serde.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The search Grafana's Elasticsearch datasource sends for a panel target: the time range on the
 * datasource's time field and the query string in a bool filter, the bucket aggregations nested in
 * order, the metrics in the innermost one (or the latest documents for raw_data). Only what the
 * dashboards may use is translated; anything else fails the contract.
 */
final class GrafanaQueries {

    static final Set<String> NUMERIC = Set.of("long", "integer", "double", "float");
    static final Set<String> FIELD_METRICS = Set.of("sum", "avg", "min", "max", "percentiles");
    static final Pattern CALENDAR_INTERVAL = Pattern.compile("1[wMy]");

    static final Pattern FIELD_IN_QUERY = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*):");

    /** What Grafana puts for "All" in a multi-value variable with allValue {@code *}. */
    static final String ALL = "*";

    /** The auto interval a dashboard time range of a few days gives. */
    static final String AUTO_INTERVAL = "1h";

    private GrafanaQueries() {}

    /** Replaces each {@code $variable} by "All", as a dashboard opened fresh does. */
    static String withAllValues(String query) {
        return query.replaceAll("\\$[a-zA-Z_]+", ALL);
    }

    static ObjectNode search(JsonNode target, String timeField, Instant from, Instant to) {
        ObjectNode search = Json.mapper().createObjectNode();
        ObjectNode bool = search.putObject("query").putObject("bool");
        ObjectNode range =
                bool.putArray("filter").addObject().putObject("range").putObject(timeField);
        range.put("gte", from.toEpochMilli()).put("lte", to.toEpochMilli());
        range.put("format", "epoch_millis");
        ObjectNode queryString =
                ((ArrayNode) bool.get("filter")).addObject().putObject("query_string");
        queryString.put("analyze_wildcard", true);
        queryString.put("query", withAllValues(target.path("query").asText(ALL)));
        JsonNode metrics = target.get("metrics");
        if (metrics.size() == 1 && metrics.get(0).get("type").asText().equals("raw_data")) {
            search.put("size", metrics.get(0).at("/settings/size").asInt());
            search.putArray("sort").addObject().putObject(timeField).put("order", "desc");
            return search;
        }
        search.put("size", 0);
        ObjectNode aggs = search.putObject("aggs");
        for (JsonNode bucket : target.get("bucketAggs")) {
            ObjectNode agg = aggs.putObject(bucket.get("id").asText());
            JsonNode settings = bucket.path("settings");
            switch (bucket.get("type").asText()) {
                case "date_histogram" -> {
                    ObjectNode histogram = agg.putObject("date_histogram");
                    histogram.put("field", bucket.get("field").asText());
                    String interval = settings.path("interval").asText("auto");
                    interval = interval.equals("auto") ? AUTO_INTERVAL : interval;
                    histogram.put(
                            CALENDAR_INTERVAL.matcher(interval).matches()
                                    ? "calendar_interval"
                                    : "fixed_interval",
                            interval);
                    histogram.put("min_doc_count", settings.path("min_doc_count").asInt(0));
                    histogram.put("format", "epoch_millis");
                    histogram
                            .putObject("extended_bounds")
                            .put("min", from.toEpochMilli())
                            .put("max", to.toEpochMilli());
                }
                case "terms" -> {
                    ObjectNode terms = agg.putObject("terms");
                    terms.put("field", bucket.get("field").asText());
                    terms.put("size", settings.path("size").asInt(10));
                    terms.put("min_doc_count", settings.path("min_doc_count").asInt(1));
                    String orderBy = settings.path("orderBy").asText("_count");
                    String order = settings.path("order").asText("desc");
                    terms.putObject("order").put(orderBy.equals("_term") ? "_key" : orderBy, order);
                    if (!orderBy.startsWith("_")) {
                        metric(agg.putObject("aggs"), metricById(metrics, orderBy));
                    }
                }
                case "filters" -> {
                    ObjectNode filters = agg.putObject("filters").putObject("filters");
                    for (JsonNode filter : settings.get("filters")) {
                        ObjectNode query =
                                filters.putObject(filter.get("label").asText())
                                        .putObject("query_string");
                        query.put("query", withAllValues(filter.get("query").asText()));
                        query.put("analyze_wildcard", true);
                    }
                }
                case "histogram" -> {
                    ObjectNode histogram = agg.putObject("histogram");
                    histogram.put("field", bucket.get("field").asText());
                    histogram.put("interval", settings.get("interval").asLong());
                    histogram.put("min_doc_count", settings.path("min_doc_count").asInt(1));
                }
                default ->
                        throw new AssertionError(
                                "bucket aggregation " + bucket.get("type") + " is not proven");
            }
            aggs = agg.has("aggs") ? (ObjectNode) agg.get("aggs") : agg.putObject("aggs");
        }
        for (JsonNode metric : metrics) {
            metric(aggs, metric);
        }
        return search;
    }

    private static JsonNode metricById(JsonNode metrics, String id) {
        for (JsonNode metric : metrics) {
            if (metric.get("id").asText().equals(id)) {
                return metric;
            }
        }
        throw new AssertionError("terms ordered by metric " + id + ", which the target lacks");
    }

    private static void metric(ObjectNode aggs, JsonNode metric) {
        String type = metric.get("type").asText();
        if (type.equals("count")) {
            return;
        }
        if (!FIELD_METRICS.contains(type)) {
            throw new AssertionError("metric " + type + " is not proven");
        }
        ObjectNode body = aggs.putObject(metric.get("id").asText()).putObject(type);
        body.put("field", metric.get("field").asText());
        if (type.equals("percentiles")) {
            var percents = body.putArray("percents");
            metric.at("/settings/percents").forEach(p -> percents.add(p.asDouble()));
        }
    }

    /**
     * Every field a target reads, with the kind of mapping it needs: numeric, keyword, date, or
     * ordered (numeric or date: max and min of a date are its newest and oldest instant).
     */
    static Map<String, String> fieldsNeeded(JsonNode target) {
        Map<String, String> needed = new TreeMap<>();
        for (JsonNode metric : target.get("metrics")) {
            String type = metric.get("type").asText();
            if (type.equals("max") || type.equals("min")) {
                needed.put(metric.get("field").asText(), "ordered");
            } else if (FIELD_METRICS.contains(type)) {
                needed.put(metric.get("field").asText(), "numeric");
            }
        }
        for (JsonNode bucket : target.get("bucketAggs")) {
            switch (bucket.get("type").asText()) {
                case "terms" -> needed.put(bucket.get("field").asText(), "keyword");
                case "date_histogram" -> needed.put(bucket.get("field").asText(), "date");
                case "histogram" -> needed.put(bucket.get("field").asText(), "numeric");
                default -> {}
            }
        }
        StringBuilder queries = new StringBuilder(target.path("query").asText());
        for (JsonNode bucket : target.get("bucketAggs")) {
            bucket.at("/settings/filters")
                    .forEach(filter -> queries.append(' ').append(filter.get("query").asText()));
        }
        var fieldInQuery = FIELD_IN_QUERY.matcher(queries);
        while (fieldInQuery.find()) {
            needed.putIfAbsent(fieldInQuery.group(1), "keyword");
        }
        return needed;
    }

    /** Whether a mapping type serves a need. */
    static boolean fits(String need, String type) {
        return switch (need) {
            case "numeric" -> NUMERIC.contains(type);
            case "ordered" -> NUMERIC.contains(type) || "date".equals(type);
            default -> need.equals(type);
        };
    }
}

package io.slawatch.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockType;
import io.slawatch.model.ClockView;
import io.slawatch.model.StatsBucket;
import io.slawatch.model.StatsGrain;
import io.slawatch.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * slawatch's indices and their templates. The templates are the JSON files in
 * deploy/elasticsearch/, bundled into the jobs jar; they are installed when absent.
 */
public final class ElasticsearchIndices {

    public static final String ALERTS = "slawatch-alerts";
    public static final String CLOCKS = "slawatch-clocks";
    public static final String STATS_TECHNICIAN_HOUR = StatsGrain.TECHNICIAN_HOUR.index();
    public static final String STATS_AGENT_DAY = StatsGrain.AGENT_DAY.index();
    public static final String LEDGER = "slawatch-ledger";
    public static final String CASES = "slawatch-cases";
    public static final String ACTIONS = "slawatch-actions";
    public static final String PREDICTIONS = "slawatch-predictions";
    public static final List<String> TEMPLATES =
            List.of(
                    ALERTS,
                    CLOCKS,
                    STATS_TECHNICIAN_HOUR,
                    STATS_AGENT_DAY,
                    LEDGER,
                    CASES,
                    ACTIONS,
                    PREDICTIONS);

    private ElasticsearchIndices() {}

    /**
     * Installs each template that is absent or older than the bundled one (its {@code version});
     * returns the ones it installed. An upgraded template's fields are added to its index when it
     * exists, so documents with new fields are not refused by its strict mapping.
     */
    public static List<String> installTemplates(ElasticsearchClient client) throws IOException {
        List<String> installed = new ArrayList<>();
        for (String name : TEMPLATES) {
            JsonNode bundled = bundledTemplate(name);
            long version = bundled.path("version").asLong(1);
            boolean existing =
                    client.indices().existsIndexTemplate(exists -> exists.name(name)).value();
            if (existing) {
                Long installedVersion =
                        client.indices()
                                .getIndexTemplate(get -> get.name(name))
                                .indexTemplates()
                                .get(0)
                                .indexTemplate()
                                .version();
                if ((installedVersion == null ? 1 : installedVersion) >= version) {
                    continue;
                }
            }
            client.indices()
                    .putIndexTemplate(
                            put -> put.name(name).withJson(new StringReader(bundled.toString())));
            if (existing && client.indices().exists(exists -> exists.index(name)).value()) {
                String mappings = bundled.path("template").path("mappings").toString();
                client.indices()
                        .putMapping(put -> put.index(name).withJson(new StringReader(mappings)));
            }
            installed.add(name);
        }
        return installed;
    }

    private static JsonNode bundledTemplate(String name) throws IOException {
        try (InputStream template =
                ElasticsearchIndices.class.getResourceAsStream(
                        "/elasticsearch/" + name + ".json")) {
            if (template == null) {
                throw new IOException("index template " + name + ".json is not bundled");
            }
            return Json.mapper().readTree(template);
        }
    }

    /** An alert, by its deterministic alertId. */
    public static IndexedDocument alert(Alert alert) {
        return new IndexedDocument(ALERTS, alert.alertId(), Json.mapper().valueToTree(alert));
    }

    /**
     * A clock cycle's current state, by its clockId: each change overwrites the last, and the last
     * carries the cycle's outcome.
     */
    public static IndexedDocument clock(ClockView view) {
        return new IndexedDocument(CLOCKS, view.clockId(), Json.mapper().valueToTree(view));
    }

    /**
     * A statistics bucket as the stats topic carries it: its document ({@link #stats}) with the
     * bucket's {@code id} and {@code grain}, which say where the indexer puts it.
     */
    public static ObjectNode statsRecord(StatsBucket bucket) {
        ObjectNode record = Json.mapper().createObjectNode();
        record.put(STATS_ID, bucket.id);
        record.put(STATS_GRAIN, bucket.grain.name());
        record.setAll((ObjectNode) stats(bucket).source());
        return record;
    }

    /**
     * The document of a {@link #statsRecord}: its grain's index, its id, and the rest as source;
     * empty for a record of a retired grain, which a compacted topic may still hold and nothing
     * indexes any more.
     *
     * @throws IllegalArgumentException when the record lacks its id or grain
     */
    public static Optional<IndexedDocument> statsDocument(ObjectNode record) {
        JsonNode id = record.remove(STATS_ID);
        JsonNode grain = record.remove(STATS_GRAIN);
        if (id == null || !id.isTextual() || grain == null || !grain.isTextual()) {
            throw new IllegalArgumentException(
                    "a statistics record needs a text '"
                            + STATS_ID
                            + "' and '"
                            + STATS_GRAIN
                            + "'");
        }
        StatsGrain statsGrain;
        try {
            statsGrain = StatsGrain.valueOf(grain.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown statistics grain '"
                            + grain.asText()
                            + "'; one of "
                            + Arrays.stream(StatsGrain.values())
                                    .filter(known -> !known.isRetired())
                                    .toList());
        }
        return statsGrain.isRetired()
                ? Optional.empty()
                : Optional.of(new IndexedDocument(statsGrain.index(), id.asText(), record));
    }

    private static final String STATS_ID = "id";
    private static final String STATS_GRAIN = "grain";

    /**
     * A statistics bucket, by its id: a late sample's corrected sums overwrite it. Rates and means
     * are for reading one bucket; dashboards re-aggregate the sums and counts.
     */
    public static IndexedDocument stats(StatsBucket bucket) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("bucket", Instant.ofEpochMilli(bucket.start).toString());
        switch (bucket.grain) {
            case MINUTE -> throw new IllegalArgumentException("the minute grain is retired");
            case TECHNICIAN_HOUR -> {
                doc.put("techId", bucket.techId);
                putIfPresent(doc, "region", bucket.region);
                int arrival = bucket.indexOf(ClockType.ARRIVAL.name());
                long arrivals = bucket.finished(ClockType.ARRIVAL);
                long onTime = arrival < 0 ? 0 : bucket.met[arrival];
                doc.put("arrivals", arrivals);
                doc.put("arrivalsOnTime", onTime);
                doc.put("arrivalsLate", arrivals - onTime);
                if (arrivals > 0) {
                    doc.put("onTimeRate", (double) onTime / arrivals);
                }
                ObjectNode late = doc.putObject("lateSeconds");
                late.put("sum", bucket.arrivalLateSecondsSum);
                if (arrivals > 0) {
                    late.put("mean", (double) bucket.arrivalLateSecondsSum / arrivals);
                }
                late.put("max", bucket.arrivalLateSecondsMax);
            }
            case AGENT_DAY -> {
                doc.put("agentId", bucket.agentId);
                putIfPresent(doc, "team", bucket.team);
                long responses = bucket.finished(ClockType.RESPONSE);
                doc.put("responses", responses);
                ObjectNode response = doc.putObject("responseSeconds");
                response.put("sum", bucket.responseSecondsSum);
                if (responses > 0) {
                    response.put("mean", (double) bucket.responseSecondsSum / responses);
                }
                ObjectNode breached = doc.putObject("breached");
                long total = 0;
                for (ClockType clock : ClockType.BUILT_IN) {
                    int i = bucket.indexOf(clock.name());
                    breached.put(
                            clock.name().toLowerCase(Locale.ROOT), i < 0 ? 0 : bucket.breached[i]);
                }
                for (long count : bucket.breached) {
                    total += count;
                }
                breached.put("total", total);
            }
        }
        return new IndexedDocument(bucket.grain.index(), bucket.id, doc);
    }

    private static void putIfPresent(ObjectNode doc, String field, String value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}

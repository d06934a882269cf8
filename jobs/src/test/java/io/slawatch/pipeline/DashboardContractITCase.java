package io.slawatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.slawatch.serde.Json;
import io.slawatch.sink.ElasticsearchClients;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.sink.ElasticsearchOptions;
import io.slawatch.testkit.Checkout;
import io.slawatch.testkit.Http;
import io.slawatch.testkit.SharedElasticsearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every panel of the provisioned dashboards, run as Grafana would run it against a real
 * Elasticsearch filled by a real pipeline run: the sample stream, then a ticket whose technician
 * says he will be late (an ETA past the deadline) and never arrives, and a later one that moves
 * event time past that arrival's deadline ({@code streams/late-technician.jsonl}).
 */
@ExtendWith(SharedElasticsearch.class)
class DashboardContractITCase {

    static final Path ROOT = Checkout.ROOT;
    static final Path DASHBOARDS = ROOT.resolve("dashboards");
    static final Path LATE_TECHNICIAN =
            Path.of("src/test/resources/streams/late-technician.jsonl").toAbsolutePath();
    static final Path DAYS_LATER =
            Path.of("src/test/resources/streams/days-later.jsonl").toAbsolutePath();
    static final Path SAMPLE_REVIEWS =
            Path.of("src/test/resources/streams/sample-reviews.jsonl").toAbsolutePath();
    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.withSlots(2);

    static Http http;
    static Map<String, JsonNode> datasources;
    static Map<String, Map<String, String>> mappings;

    @BeforeAll
    static void fillElasticsearch() throws Exception {
        http = new Http(SharedElasticsearch.url());
        ElasticsearchSinkITCase.resetIndices(http);
        ElasticsearchIndices.installTemplates(
                ElasticsearchClients.create(ElasticsearchOptions.of(SharedElasticsearch.url())));
        ElasticsearchSinkITCase.replayIntoElasticsearch(
                        SharedElasticsearch.url(),
                        List.of(SAMPLE_REVIEWS),
                        ElasticsearchSinkITCase.SAMPLE,
                        LATE_TECHNICIAN,
                        DAYS_LATER)
                .getJobExecutionResult()
                .get(5, TimeUnit.MINUTES);
        http.call("POST", "/slawatch-*/_refresh", null);
        datasources = datasources();
        mappings = mappings();
    }

    /** Provisioned datasources by uid. */
    static Map<String, JsonNode> datasources() throws IOException {
        JsonNode provisioning =
                new ObjectMapper(new YAMLFactory())
                        .readTree(
                                DASHBOARDS
                                        .resolve("provisioning/datasources/slawatch.yaml")
                                        .toFile());
        Map<String, JsonNode> byUid = new HashMap<>();
        provisioning.get("datasources").forEach(ds -> byUid.put(ds.get("uid").asText(), ds));
        return byUid;
    }

    /** Each index template's fields, flattened to dotted names, with their mapping types. */
    static Map<String, Map<String, String>> mappings() throws IOException {
        Map<String, Map<String, String>> byIndex = new TreeMap<>();
        try (Stream<Path> templates = Files.list(ROOT.resolve("deploy/elasticsearch"))) {
            for (Path template : templates.toList()) {
                JsonNode root = Json.mapper().readTree(template.toFile());
                Map<String, String> fields = new TreeMap<>();
                flatten("", root.at("/template/mappings/properties"), fields);
                for (JsonNode pattern : root.get("index_patterns")) {
                    byIndex.put(pattern.asText(), fields);
                }
            }
        }
        return byIndex;
    }

    static void flatten(String prefix, JsonNode properties, Map<String, String> fields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().has("properties")) {
                flatten(prefix + field.getKey() + ".", field.getValue().get("properties"), fields);
            } else {
                fields.put(prefix + field.getKey(), field.getValue().get("type").asText());
            }
        }
    }

    static List<JsonNode> dashboards() throws IOException {
        List<JsonNode> dashboards = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(Json.mapper().readTree(file.toFile()));
            }
        }
        return dashboards;
    }

    static JsonNode panel(String dashboardUid, String title) throws IOException {
        for (JsonNode dashboard : dashboards()) {
            if (dashboard.get("uid").asText().equals(dashboardUid)) {
                for (JsonNode panel : dashboard.get("panels")) {
                    if (panel.get("title").asText().equals(title)) {
                        return panel;
                    }
                }
            }
        }
        throw new AssertionError("no panel '" + title + "' in " + dashboardUid);
    }

    /** Runs a target's search on its datasource's index. */
    static JsonNode run(JsonNode target) throws Exception {
        JsonNode datasource = datasources.get(target.at("/datasource/uid").asText());
        String timeField = datasource.at("/jsonData/timeField").asText();
        String index = datasource.at("/jsonData/index").asText();
        return Json.mapper()
                .readTree(
                        http.call(
                                "POST",
                                "/" + index + "/_search",
                                GrafanaQueries.search(target, timeField, FROM, TO).toString()));
    }

    @Test
    void shouldProvisionDatasourcesForEveryIndexFromTheEnvironment() {
        assertThat(datasources.keySet())
                .containsExactlyInAnyOrder(
                        "slawatch-alerts",
                        "slawatch-clocks",
                        "slawatch-outcomes",
                        "slawatch-breaches",
                        "slawatch-escalations",
                        "slawatch-stats-tech-1h",
                        "slawatch-stats-agent-1d",
                        "slawatch-ledger",
                        "slawatch-cases",
                        "slawatch-actions",
                        "slawatch-predictions");
        datasources.forEach(
                (uid, datasource) -> {
                    assertThat(datasource.get("type").asText()).isEqualTo("elasticsearch");
                    assertThat(datasource.get("url").asText())
                            .isEqualTo("${SLAWATCH_ELASTICSEARCH_URL}");
                    assertThat(datasource.at("/secureJsonData/basicAuthPassword").asText())
                            .isEqualTo("${SLAWATCH_ELASTICSEARCH_PASSWORD}");
                    String index = datasource.at("/jsonData/index").asText();
                    assertThat(mappings).as(uid).containsKey(index);
                    assertThat(
                                    mappings.get(index)
                                            .get(datasource.at("/jsonData/timeField").asText()))
                            .as(uid + " time field")
                            .isEqualTo("date");
                });
    }

    @Test
    void shouldHaveStableUniqueUidsAndResolvableDatasourcesAndVariables() throws IOException {
        Set<String> uids = new HashSet<>();
        for (JsonNode dashboard : dashboards()) {
            String uid = dashboard.get("uid").asText();
            assertThat(uid).startsWith("slawatch-");
            assertThat(uids.add(uid)).as("unique uid " + uid).isTrue();
            Set<String> panelIds = new HashSet<>();
            for (JsonNode panel : dashboard.get("panels")) {
                assertThat(panelIds.add(panel.get("id").asText())).isTrue();
                assertThat(datasources).containsKey(panel.at("/datasource/uid").asText());
                for (JsonNode target : panel.get("targets")) {
                    assertThat(datasources).containsKey(target.at("/datasource/uid").asText());
                }
            }
            for (JsonNode variable : dashboard.at("/templating/list")) {
                JsonNode datasource = datasources.get(variable.at("/datasource/uid").asText());
                assertThat(datasource).as(uid + " $" + variable.get("name").asText()).isNotNull();
                String field =
                        Json.mapper()
                                .readTree(variable.get("query").asText())
                                .get("field")
                                .asText();
                assertThat(mappings.get(datasource.at("/jsonData/index").asText()).get(field))
                        .as(uid + " $" + variable.get("name").asText())
                        .isEqualTo("keyword");
            }
        }
        assertThat(uids)
                .containsExactlyInAnyOrder(
                        "slawatch-control-room",
                        "slawatch-field-service",
                        "slawatch-management",
                        "slawatch-accountability");
    }

    @Test
    void shouldRunEveryPanelTargetOnFieldsOfTheRightTypeAndReturnData() throws Exception {
        List<String> checked = new ArrayList<>();
        for (JsonNode dashboard : dashboards()) {
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.get("targets")) {
                    String name =
                            dashboard.get("uid").asText() + " / " + panel.get("title").asText();
                    JsonNode datasource = datasources.get(target.at("/datasource/uid").asText());
                    Map<String, String> fields =
                            mappings.get(datasource.at("/jsonData/index").asText());
                    assertThat(target.get("timeField").asText())
                            .as(name + ": the target's time field is the datasource's")
                            .isEqualTo(datasource.at("/jsonData/timeField").asText());
                    GrafanaQueries.fieldsNeeded(target)
                            .forEach(
                                    (field, need) ->
                                            assertThat(GrafanaQueries.fits(need, fields.get(field)))
                                                    .as(
                                                            name
                                                                    + ": "
                                                                    + field
                                                                    + " must be "
                                                                    + need
                                                                    + ", is "
                                                                    + fields.get(field))
                                                    .isTrue());
                    JsonNode result = run(target);
                    assertThat(result.path("timed_out").asBoolean()).isFalse();
                    assertThat(hasData(result)).as(name + " returns data: " + result).isTrue();
                    checked.add(name);
                }
            }
        }
        assertThat(checked).hasSize(26);
    }

    static boolean hasData(JsonNode result) {
        if (result.has("aggregations")) {
            return result.get("aggregations").findValues("doc_count").stream()
                    .anyMatch(count -> count.asLong() > 0);
        }
        return result.at("/hits/hits").size() > 0;
    }

    /** The single filters bucket's metric value of a stat panel's target. */
    static double statValue(JsonNode target, String metricId) throws Exception {
        JsonNode bucket = run(target).at("/aggregations/2/buckets/all");
        return bucket.get(metricId).get("value").asDouble();
    }

    @Test
    void shouldShowTheBreachesMetRateAndRiskThatTheInputHolds() throws Exception {
        JsonNode breaches =
                panel("slawatch-control-room", "Breaches in range").get("targets").get(0);
        assertThat(run(breaches).at("/aggregations/2/buckets/all/doc_count").asLong())
                .as(
                        "16 breaches of the sample (15 met late, 2 of them the COMPLEX tickets'"
                                + " PERIODIC_UPDATE; 1 still escalated), D-0001's arrival, the"
                                + " resolutions of S-0027, D-0001 and D-0002 once event time reaches"
                                + " them, and W-0001's response")
                .isEqualTo(21);

        JsonNode metRate = panel("slawatch-control-room", "Met rate").get("targets").get(0);
        assertThat(statValue(metRate, "1"))
                .as(
                        "the sample's 73 met among 88 finished, D-0001's, D-0002's and W-0002's"
                                + " responses met, W-0001's late")
                .isEqualTo(76.0 / 92);

        JsonNode metRatePerClock =
                panel("slawatch-control-room", "Met rate per clock").get("targets").get(0);
        Map<String, Double> byClock = new TreeMap<>();
        run(metRatePerClock)
                .at("/aggregations/2/buckets")
                .fields()
                .forEachRemaining(
                        clock ->
                                byClock.put(
                                        clock.getKey(),
                                        clock.getValue().at("/1/value").asDouble()));
        assertThat(byClock)
                .as(
                        "the 92 finished: 43 responses, 7 arrivals, 40 resolutions and the two"
                                + " PERIODIC_UPDATEs met late")
                .isEqualTo(
                        Map.of("RESPONSE", 36.0 / 43, "ARRIVAL", 4.0 / 7, "RESOLUTION", 36.0 / 40));

        JsonNode escalations =
                panel("slawatch-management", "Escalations per day").get("targets").get(0);
        Map<String, Long> escalationsByClock = new TreeMap<>();
        run(escalations)
                .at("/aggregations/3/buckets")
                .forEach(
                        clock -> {
                            long levels = 0;
                            for (JsonNode day : clock.at("/2/buckets")) {
                                levels += day.at("/1/value").asLong();
                            }
                            escalationsByClock.put(clock.get("key").asText(), levels);
                        });
        assertThat(escalationsByClock)
                .as("escalation levels reached, less retracted ones, on the clock cycles' tallies")
                .isEqualTo(Map.of("RESPONSE", 5L, "ARRIVAL", 3L, "RESOLUTION", 3L));
        assertThat(alertCount("kind:ESCALATED") - alertCount("retractsAlertId:*ESCALATED*"))
                .as("as many as the ESCALATED alerts less their retractions")
                .isEqualTo(11);

        JsonNode atRisk =
                panel("slawatch-control-room", "Tickets at risk now").get("targets").get(0);
        List<String> atRiskNow = new ArrayList<>();
        run(atRisk)
                .at("/hits/hits")
                .forEach(
                        hit ->
                                atRiskNow.add(
                                        hit.at("/_source/clockId").asText()
                                                + " "
                                                + hit.at("/_source/status").asText()));
        assertThat(atRiskNow)
                .containsExactlyInAnyOrder(
                        "S-0022:RESPONSE:1 ESCALATED",
                        "D-0001:ARRIVAL:1 ESCALATED",
                        "S-0027:RESOLUTION:1 ESCALATED",
                        "D-0001:RESOLUTION:1 ESCALATED",
                        "D-0002:RESOLUTION:1 ESCALATED");

        // D-0001's technician, dispatched at 01:10 for 03:00, said 03:20: 93 % likely late under
        // the default policy's prior (10 min ± 20 min), and has not arrived: it stands.
        assertThat(column("slawatch-control-room", "Arrivals at risk", "alertId"))
                .containsExactly("D-0001:ARRIVAL:1:PREDICTED_BREACH:1");
        assertThat(column("slawatch-control-room", "Arrivals at risk", "probability"))
                .containsExactly("0.9332");
        assertThat(column("slawatch-control-room", "Arrivals at risk", "status"))
                .containsExactly("STANDING");

        JsonNode late =
                panel("slawatch-control-room", "Technicians currently late").get("targets").get(0);
        assertThat(run(late).at("/aggregations/2/buckets"))
                .isEqualTo(Json.mapper().readTree("[{\"key\":\"t-21\",\"doc_count\":1}]"));
    }

    static long alertCount(String query) throws Exception {
        String search =
                Json.mapper()
                        .createObjectNode()
                        .set(
                                "query",
                                Json.mapper()
                                        .createObjectNode()
                                        .set(
                                                "query_string",
                                                Json.mapper()
                                                        .createObjectNode()
                                                        .put("query", query)))
                        .toString();
        return Json.mapper()
                .readTree(http.call("POST", "/slawatch-alerts/_count", search))
                .get("count")
                .asLong();
    }

    /** The hits' {@code field} values of a raw-data panel, in the order the panel sorts them. */
    static List<String> column(String dashboard, String title, String field) throws Exception {
        List<String> values = new ArrayList<>();
        run(panel(dashboard, title).get("targets").get(0))
                .at("/hits/hits")
                .forEach(hit -> values.add(hit.at("/_source/" + field).asText()));
        return values;
    }

    @Test
    void shouldShowWhatFollowedTheBreachesFromTheLedger() throws Exception {
        assertThat(column("slawatch-accountability", "Cases waiting for verification", "alertId"))
                .as("breaches whose two working days had not passed when the input ended")
                .containsExactlyInAnyOrder(
                        "D-0001:ARRIVAL:1:BREACHED:1",
                        "S-0027:RESOLUTION:1:BREACHED:1",
                        "D-0001:RESOLUTION:1:BREACHED:1",
                        "D-0002:RESOLUTION:1:BREACHED:1",
                        "W-0001:RESPONSE:1:BREACHED:1");

        JsonNode points = panel("slawatch-accountability", "Agent points").get("targets").get(0);
        Map<String, Double> byAgent = new TreeMap<>();
        run(points)
                .at("/aggregations/2/buckets")
                .forEach(b -> byAgent.put(b.get("key").asText(), b.at("/1/value").asDouble()));
        assertThat(byAgent)
                .as(
                        "2 points per confirmed breach: a-02's S-0026 was retracted before its"
                                + " review, a-04's three were confirmed by the policy")
                .isEqualTo(
                        Map.of(
                                "a-01", -4.0, "a-02", -4.0, "a-03", -2.0, "a-04", -6.0, "a-05",
                                -4.0, "t-11", -2.0, "t-12", -2.0));

        assertThat(column("slawatch-accountability", "Suspensions", "subjectId"))
                .containsExactly("a-04");
        assertThat(column("slawatch-accountability", "Department notices", "subjectId"))
                .containsExactly("north");
        assertThat(column("slawatch-accountability", "Overdue actions", "actionId"))
                .as("due three working days after Monday's decisions, not DONE by Thursday")
                .containsExactlyInAnyOrder(
                        "AGENT:a-01:2026-11:WARNING:1",
                        "AGENT:a-02:2026-11:WARNING:1",
                        "AGENT:a-03:2026-11:WARNING:1",
                        "AGENT:a-05:2026-11:WARNING:1",
                        "S-0010:COMPENSATION:1:COUPON",
                        "S-0011:COMPENSATION:1:COUPON",
                        "S-0011:RESPONSE:1:BREACHED:1:APOLOGY",
                        "S-0020:ARRIVAL:1:BREACHED:1:APOLOGY",
                        "S-0020:COMPENSATION:1:COUPON",
                        "S-0022:RESPONSE:1:BREACHED:1:APOLOGY",
                        "S-0034:RESPONSE:1:BREACHED:1:APOLOGY",
                        "S-0041:COMPENSATION:1:COUPON",
                        "S-0041:RESPONSE:1:BREACHED:1:APOLOGY");
    }
}

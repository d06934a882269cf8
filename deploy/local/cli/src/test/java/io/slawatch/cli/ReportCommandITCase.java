package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockPhase;
import io.slawatch.model.ClockView;
import io.slawatch.model.LedgerEntry;
import io.slawatch.replay.Replay;
import io.slawatch.serde.Json;
import io.slawatch.testkit.Checkout;
import io.slawatch.testkit.HeadlessChromium;
import io.slawatch.testkit.Http;
import io.slawatch.testkit.SharedElasticsearch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A month small enough to compute by hand (report/march-events.jsonl: two February tickets, nine in
 * March, one in April that lets March's due dates pass; report/march-reviews.jsonl: two
 * confirmations, a waiver, six actions done) run through the detection job with its consequences,
 * then reported. Every expected figure below was worked out from the events and the default policy,
 * not from the code's output: e.g. RESPONSE in March is met by M-01, M-03, M-04, M-05, M-07
 * (retracted breach) and M-09, breached by M-02 (90 s on a 30 s PHONE target), M-06 (50 s) and M-08
 * (APP, 2 h 15 m on 30 m): 6 of 9.
 */
@ExtendWith(SharedElasticsearch.class)
class ReportCommandITCase {

    static final String POLICY = Checkout.resolve("deploy/policies/default.yaml").toString();
    static final Path EVENTS = resource("march-events.jsonl");
    static final Path REVIEWS = resource("march-reviews.jsonl");
    static final List<String> AGENTS = List.of("a-1", "a-2", "a-3", "t-1");
    static final List<String> TICKETS =
            List.of(
                    "F-01", "F-02", "M-01", "M-02", "M-03", "M-04", "M-05", "M-06", "M-07", "M-08",
                    "M-09", "A-01");
    static final String SECRET = "a publisher's secret of 38 characters";

    @TempDir static Path temp;
    static Path ledger;
    static Path internal;

    @BeforeAll
    static void replayTheMonthWithItsConsequences() throws Exception {
        ledger = temp.resolve("ledger.jsonl");
        CliRun replay =
                CliRun.run(
                        "",
                        "replay",
                        "--input",
                        EVENTS.toString(),
                        "--policy",
                        POLICY,
                        "--reviews",
                        REVIEWS.toString(),
                        "--actions",
                        ledger.toString(),
                        "--alerts",
                        temp.resolve("alerts.jsonl").toString(),
                        "--outcomes",
                        temp.resolve("outcomes.jsonl").toString());
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        internal = temp.resolve("internal");
        CliRun report = report("--month", "2026-03", "--out", internal.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out())
                .startsWith("internal report of 2026-03: 9 tickets, 6 breaches; wrote index.html,");
    }

    @Test
    void shouldGiveTheHandComputedFiguresOfTheMonth() throws Exception {
        assertThat(csv(internal, "clocks.csv"))
                .isEqualTo(
                        """
                        clock,met,breached,met_rate,met_rate_before
                        RESPONSE,6,3,0.6667,0.5
                        ARRIVAL,0,1,0.0,
                        RESOLUTION,8,1,0.8889,1.0
                        """);
        // PHONE: 10, 10, 20, 50, 90 s; CHAT: 60, 120 s; EMAIL 1 office hour; APP 2 h 15 m.
        assertThat(csv(internal, "response-times.csv"))
                .isEqualTo(
                        """
                        channel,responses,p50_seconds,p90_seconds,target_min_seconds,target_max_seconds,within_target
                        PHONE,5,20,90,30,30,0.6
                        CHAT,2,60,120,300,300,1.0
                        EMAIL,1,3600,3600,14400,14400,1.0
                        APP,1,8100,8100,1800,1800,0.0
                        """);
        assertThat(csv(internal, "departments.csv"))
                .isEqualTo(
                        """
                        team,tickets,response_met,response_breached,response_met_rate,arrival_met,arrival_breached,arrival_met_rate,resolution_met,resolution_breached,resolution_met_rate,breaches_suspected,breaches_confirmed,breaches_waived,breaches_retracted,breaches_undecided,points_lost,notices,compensated,compensated_done,compensated_overdue,compensated_open
                        north,5,3,2,0.6,0,0,,4,1,0.8,3,2,1,0,0,2,0,2,1,1,0
                        south,4,3,1,0.75,0,1,0.0,4,0,1.0,3,2,0,1,0,2,0,2,1,1,0
                        """);
        assertThat(csv(internal, "agents.csv"))
                .isEqualTo(
                        """
                        agent,teams,tickets,response_met,response_breached,response_met_rate,arrival_met,arrival_breached,arrival_met_rate,resolution_met,resolution_breached,resolution_met_rate,breaches_suspected,breaches_confirmed,breaches_waived,breaches_retracted,breaches_undecided,points_lost,warnings,warnings_done,warnings_overdue,warnings_open,trainings,trainings_done,trainings_overdue,trainings_open,suspensions,suspensions_done,suspensions_overdue,suspensions_open,compensated,compensated_done,compensated_overdue,compensated_open
                        a-1,north,3,2,1,0.6667,0,0,,3,0,1.0,1,1,0,0,0,2,1,1,0,0,1,1,0,0,0,0,0,0,1,1,0,0
                        a-2,north,2,1,1,0.5,0,0,,1,1,0.5,2,1,1,0,0,2,1,0,1,0,1,0,1,0,0,0,0,0,1,0,1,0
                        a-3,south,4,3,1,0.75,0,0,,4,0,1.0,2,1,0,1,0,2,1,1,0,0,1,0,1,0,0,0,0,0,1,1,0,0
                        t-1,south,1,0,0,,0,1,0.0,0,0,,1,1,0,0,0,2,1,0,1,0,1,0,1,0,0,0,0,0,1,0,1,0
                        """);
        assertThat(csv(internal, "compensation.csv"))
                .isEqualTo(
                        """
                        team,tier,gives,tickets,done,overdue,open
                        north,1,COUPON 10%,2,1,1,0
                        south,1,COUPON 10%,2,1,1,0
                        """);
        assertThat(csv(internal, "breaches.csv"))
                .isEqualTo(
                        """
                        alert_id,ticket_id,clock,channel,priority,team,agent,deadline,late_seconds,case,compensation_tier
                        M-02:RESPONSE:1:BREACHED:1,M-02,RESPONSE,PHONE,NORMAL,north,a-1,2026-03-03T02:00:30Z,60,CONFIRMED,1
                        M-03:RESOLUTION:1:BREACHED:1,M-03,RESOLUTION,CHAT,NORMAL,north,a-2,2026-03-05T02:00:00Z,21600,WAIVED,
                        M-05:ARRIVAL:1:BREACHED:1,M-05,ARRIVAL,CHAT,URGENT,south,t-1,2026-03-09T02:00:00Z,3600,CONFIRMED,1
                        M-06:RESPONSE:1:BREACHED:1,M-06,RESPONSE,PHONE,NORMAL,south,a-3,2026-03-10T02:00:30Z,20,CONFIRMED,1
                        M-07:RESPONSE:1:BREACHED:1,M-07,RESPONSE,PHONE,NORMAL,south,a-3,2026-03-12T02:00:30Z,,RETRACTED,
                        M-08:RESPONSE:1:BREACHED:1,M-08,RESPONSE,APP,NORMAL,north,a-2,2026-03-30T14:30:00Z,6300,CONFIRMED,1
                        """);
        assertThat(csv(internal, "trend.csv"))
                .isEqualTo(
                        """
                        month,tickets,response_met_rate,arrival_met_rate,resolution_met_rate,confirmed_breaches
                        2025-10,0,,,,0
                        2025-11,0,,,,0
                        2025-12,0,,,,0
                        2026-01,0,,,,0
                        2026-02,2,0.5,,1.0,1
                        2026-03,9,0.6667,0.0,0.8889,4
                        """);
        JsonNode report = Json.mapper().readTree(internal.resolve("report.json").toFile());
        assertThat(report.get("glance"))
                .isEqualTo(
                        Json.mapper()
                                .readTree(
                                        """
                                        {"tickets": 9, "ticketsBefore": 2,
                                         "clocks": [
                                          {"clock": "RESPONSE", "rate": {"met": 6, "breached": 3, "metRate": 0.6667}, "metRateBefore": 0.5},
                                          {"clock": "ARRIVAL", "rate": {"met": 0, "breached": 1, "metRate": 0.0}},
                                          {"clock": "RESOLUTION", "rate": {"met": 8, "breached": 1, "metRate": 0.8889}, "metRateBefore": 1.0}],
                                         "responseTimes": [
                                          {"channel": "PHONE", "responses": 5, "p50Seconds": 20, "p90Seconds": 90, "targetMinSeconds": 30, "targetMaxSeconds": 30, "withinTarget": 0.6},
                                          {"channel": "CHAT", "responses": 2, "p50Seconds": 60, "p90Seconds": 120, "targetMinSeconds": 300, "targetMaxSeconds": 300, "withinTarget": 1.0},
                                          {"channel": "EMAIL", "responses": 1, "p50Seconds": 3600, "p90Seconds": 3600, "targetMinSeconds": 14400, "targetMaxSeconds": 14400, "withinTarget": 1.0},
                                          {"channel": "APP", "responses": 1, "p50Seconds": 8100, "p90Seconds": 8100, "targetMinSeconds": 1800, "targetMaxSeconds": 1800, "withinTarget": 0.0}]}
                                        """));
        assertThat(report.get("period").asText()).isEqualTo("2026-03");
        assertThat(report.get("asOf").asText()).isEqualTo("2026-04-20T03:00:00Z");
        assertThat(report.get("departments").get(1).get("compensation"))
                .isEqualTo(
                        Json.mapper()
                                .readTree("{\"issued\":2,\"done\":1,\"overdue\":1,\"open\":0}"));
    }

    @Test
    void shouldShowNoAgentTicketOrCustomerIdInThePublicEdition() throws Exception {
        Path secret = temp.resolve("secret");
        Files.writeString(secret, SECRET + "\n");
        Path published = temp.resolve("public");
        CliRun run =
                report(
                        "--month",
                        "2026-03",
                        "--edition",
                        "public",
                        "--pseudonym-secret-file",
                        secret.toString(),
                        "--out",
                        published.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<String> ids = new ArrayList<>(AGENTS);
        ids.addAll(TICKETS);
        for (int customer = 1; customer <= TICKETS.size(); customer++) {
            ids.add(String.format("c-%02d", customer));
        }
        for (Path file : files(published)) {
            String text = Files.readString(file);
            for (String id : ids) {
                assertThat(
                                Pattern.compile("(?<![\\w-])" + Pattern.quote(id) + "(?![\\w-])")
                                        .matcher(text)
                                        .find())
                        .as(id + " in " + file.getFileName())
                        .isFalse();
            }
        }
        // The pseudonym is HMAC-SHA256 of the id under the secret: the same every month.
        assertThat(csv(published, "agents.csv").lines().skip(1).map(l -> l.split(",")[0]))
                .containsExactlyInAnyOrder(
                        AGENTS.stream().map(ReportCommandITCase::pseudonym).toArray(String[]::new));
    }

    @Test
    void shouldShowDepartmentsOnlyWhenThePolicyPublishesNoAgents() throws Exception {
        Path policy = temp.resolve("no-agents.yaml");
        Files.writeString(
                policy,
                Files.readString(Path.of(POLICY))
                        .replace("publicAgents: PSEUDONYMS", "publicAgents: NONE"));
        Path published = temp.resolve("departments-only");
        CliRun run =
                CliRun.run(
                        "",
                        "report",
                        "--month",
                        "2026-03",
                        "--policy",
                        policy.toString(),
                        "--events",
                        EVENTS.toString(),
                        "--ledger",
                        ledger.toString(),
                        "--edition",
                        "public",
                        "--out",
                        published.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(published.resolve("agents.csv")).doesNotExist();
        assertThat(csv(published, "breaches.csv"))
                .startsWith(
                        "clock,channel,priority,team,deadline,late_seconds,case,compensation_tier\n"
                                + "RESPONSE,PHONE,NORMAL,north,2026-03-03T02:00:30Z,60,CONFIRMED,1\n");
        assertThat(Json.mapper().readTree(published.resolve("report.json").toFile()).has("agents"))
                .isFalse();
    }

    @Test
    void shouldRefuseThePublicEditionWithoutThePseudonymSecret() {
        CliRun run = report("--month", "2026-03", "--edition", "public");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(
                        "slawatch report: the policy's report.publicAgents is PSEUDONYMS: give"
                                + " --pseudonym-secret-file FILE (e.g. head -c 32 /dev/urandom |"
                                + " base64 > FILE), or set publicAgents: NONE\n");
    }

    @Test
    void shouldReconcileTheCleanQuarter() {
        CliRun run = report("--quarter", "2026-Q1", "--out", temp.resolve("q1").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).endsWith("audit of 2026-Q1: reconciles\n");
    }

    @Test
    void shouldListEachSeededInconsistencyAndExitOne() throws Exception {
        List<String> seeded = new ArrayList<>();
        for (String line : Files.readAllLines(ledger)) {
            LedgerEntry entry = Json.mapper().readValue(line, LedgerEntry.class);
            boolean pointsOfM06 = entry.entryId().equals("M-06:RESPONSE:1:BREACHED:1:AGENT:POINTS");
            boolean overdueTraining =
                    entry.entryId().equals("AGENT:t-1:2026-03:TRAINING:1:OVERDUE");
            if (!pointsOfM06 && !overdueTraining) {
                seeded.add(line);
            }
        }
        assertThat(seeded).hasSize(Files.readAllLines(ledger).size() - 2);
        seeded.add(
                "{\"entryId\":\"ghost:REVERSAL\",\"kind\":\"REVERSAL\",\"subjectType\":\"AGENT\","
                        + "\"subjectId\":\"a-2\",\"month\":\"2026-03\",\"points\":2,"
                        + "\"at\":\"2026-03-20T02:00:00Z\",\"decidedBy\":\"policy\","
                        + "\"reverses\":\"ghost\"}");
        Path broken = temp.resolve("broken-ledger.jsonl");
        Files.write(broken, seeded);
        Path dir = temp.resolve("q1-broken");

        CliRun run =
                CliRun.run(
                        "",
                        "report",
                        "--quarter",
                        "2026-Q1",
                        "--policy",
                        POLICY,
                        "--events",
                        EVENTS.toString(),
                        "--ledger",
                        broken.toString(),
                        "--out",
                        dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(csv(dir, "exceptions.csv"))
                .isEqualTo(
                        """
                        check,id,detail
                        MISSING_CONSEQUENCE,M-06:RESPONSE:1:BREACHED:1,"confirmed, but no agent POINTS in force"
                        DANGLING_REVERSAL,ghost:REVERSAL,"reverses ghost, which is not in the ledger"
                        ACTION_NOT_FOLLOWED,AGENT:t-1:2026-03:TRAINING:1,TRAINING due 2026-03-18T10:00:00Z: neither DONE nor OVERDUE by 2026-04-20T03:00:00Z
                        COUNT_MISMATCH,a-3,"agent: 1 confirmed breaches in the events, 0 point deductions in the ledger"
                        """);
        assertThat(run.out()).contains("audit of 2026-Q1: 4 exceptions\n");
    }

    @Test
    void shouldRenderAPageABrowserShowsWhole() throws Exception {
        HeadlessChromium.Look look = HeadlessChromium.look(internal.resolve("index.html"), 1000);

        assertThat(look.console()).isEmpty();
        assertThat(look.resources()).as("a self-contained page loads nothing").isEmpty();
        assertThat(look.charts())
                .extracting(HeadlessChromium.Chart::id)
                .containsExactly("met-rates", "response-times", "department-breaches", "trend");
        assertThat(look.charts()).allMatch(c -> c.width() > 100 && c.height() > 50);
        assertThat(look.text())
                .contains("Service performance 2026-03")
                .contains("9\ntickets\n2 in 2026-02")
                .contains("66.7 %\nRESPONSE met\n50.0 % in 2026-02")
                .contains("88.9 %\nRESOLUTION met")
                .contains("data up to 2026-04-20 11:00:00");
        HeadlessChromium.look(internal.resolve("index.html"), 380)
                .charts()
                .forEach(c -> assertThat(c.width()).as("a phone's width").isBetween(300.0, 380.0));
        Path pdf = temp.resolve("report.pdf");
        HeadlessChromium.pdf(internal.resolve("index.html"), pdf);
        String printed = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertThat(printed).startsWith("%PDF-");
        assertThat(Pattern.compile("/Type\\s*/Page[^s]").matcher(printed).results().count())
                .as("pages printed")
                .isGreaterThan(1);
        HeadlessChromium.screenshot(
                internal.resolve("index.html"), Path.of("target", "report.png"), 1000, 1400);
    }

    @Test
    void shouldReportWhatThePipelineIndexedAsFromTheFiles() throws Exception {
        Http elasticsearch = new Http(SharedElasticsearch.url());
        assertThat(
                        CliRun.run("", "es", "init", "--elasticsearch", SharedElasticsearch.url())
                                .exitCode())
                .isZero();
        StringBuilder bulk = new StringBuilder();
        StringBuilder deletions = new StringBuilder();
        for (Alert alert : Replay.read(temp.resolve("alerts.jsonl"), Alert.class)) {
            index(bulk, deletions, "slawatch-alerts", alert.alertId(), alert);
        }
        for (ClockOutcome outcome :
                Replay.read(temp.resolve("outcomes.jsonl"), ClockOutcome.class)) {
            ClockView finalView =
                    new ClockView(
                            outcome.outcomeId(),
                            outcome.ticketId(),
                            outcome.clock(),
                            outcome.cycle(),
                            ClockPhase.valueOf(outcome.status().name()),
                            outcome.startedAt(),
                            outcome.deadline(),
                            outcome.endedAt(),
                            outcome.endedAt(),
                            outcome.targetSeconds(),
                            null,
                            null,
                            outcome.elapsedBusinessSeconds(),
                            outcome.pausedBusinessSeconds(),
                            outcome.lateSeconds(),
                            outcome.lateSeconds() > 0 ? outcome.deadline() : null,
                            null,
                            null,
                            switch (outcome.status()) {
                                case MET -> 1;
                                case MET_LATE -> 0;
                                default -> null;
                            },
                            outcome.attributes());
            index(bulk, deletions, "slawatch-clocks", finalView.clockId(), finalView);
        }
        for (LedgerEntry entry : Replay.read(ledger, LedgerEntry.class)) {
            index(bulk, deletions, "slawatch-ledger", entry.entryId(), entry);
        }
        try {
            String response = elasticsearch.call("POST", "/_bulk?refresh=true", bulk.toString());
            assertThat(Json.mapper().readTree(response).get("errors").asBoolean())
                    .as(response)
                    .isFalse();
            Path fromStore = temp.resolve("from-elasticsearch");

            CliRun run =
                    CliRun.run(
                            "",
                            "report",
                            "--month",
                            "2026-03",
                            "--policy",
                            POLICY,
                            "--elasticsearch",
                            SharedElasticsearch.url(),
                            "--out",
                            fromStore.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            for (String file :
                    List.of("report.json", "departments.csv", "agents.csv", "breaches.csv")) {
                assertThat(fromStore.resolve(file))
                        .as(file)
                        .hasSameTextualContentAs(internal.resolve(file));
            }
        } finally {
            // The indices are shared by the test JVM: leave them as found.
            elasticsearch.call("POST", "/_bulk?refresh=true", deletions.toString());
        }
    }

    /** A document to index in {@code bulk}, and its deletion in {@code deletions}. */
    private static void index(
            StringBuilder bulk, StringBuilder deletions, String index, String id, Object document)
            throws Exception {
        deletions
                .append("{\"delete\":{\"_index\":\"")
                .append(index)
                .append("\",\"_id\":")
                .append(Json.mapper().writeValueAsString(id))
                .append("}}\n");
        bulk.append("{\"index\":{\"_index\":\"")
                .append(index)
                .append("\",\"_id\":")
                .append(Json.mapper().writeValueAsString(id))
                .append("}}\n")
                .append(Json.mapper().writeValueAsString(document))
                .append('\n');
    }

    private static CliRun report(String... args) {
        List<String> all =
                new ArrayList<>(
                        List.of(
                                "report",
                                "--policy",
                                POLICY,
                                "--events",
                                EVENTS.toString(),
                                "--ledger",
                                ledger.toString()));
        all.addAll(List.of(args));
        return CliRun.run("", all.toArray(String[]::new));
    }

    /** A CSV file with its CRLF line ends as \n, to compare with text blocks. */
    private static String csv(Path dir, String name) throws Exception {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static String pseudonym(String agentId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "agent-"
                    + HexFormat.of()
                            .formatHex(mac.doFinal(agentId.getBytes(StandardCharsets.UTF_8)))
                            .substring(0, 10);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(ReportCommandITCase.class.getResource("/report/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.slawatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.LiveJobOptions;
import io.slawatch.model.AlertKind;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.serde.Json;
import io.slawatch.testkit.Checkout;
import io.slawatch.testkit.Http;
import io.slawatch.testkit.SharedElasticsearch;
import io.slawatch.testkit.SharedKafka;
import io.slawatch.testkit.TopicReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A short demo on the shared broker and Elasticsearch: alerts, BREACHED among them, reach the
 * terminal as they fire, the summary counts exactly what was printed, and nothing keeps running.
 */
@ExtendWith({SharedKafka.class, SharedElasticsearch.class})
class DemoITCase {

    static final Path ROOT = Checkout.ROOT;
    static final Path POLICY = ROOT.resolve("deploy/policies/default.yaml");
    static final Duration SHORT_RUN = Duration.ofSeconds(25);
    static final double SPEED = 120;
    static final double BUSY_TICKETS_PER_HOUR = 3000;
    static final Pattern ALERT_LINE =
            Pattern.compile(
                    "\\d\\d:\\d\\d:\\d\\d"
                            + " (AT_RISK|BREACHED|ESCALATED|MET_LATE|RETRACTED|PREDICTED_BREACH|PREDICTION_CLEARED) +"
                            + "(RESPONSE|ARRIVAL|RESOLUTION) +T-\\d{6} (PHONE|CHAT|EMAIL|APP|SOCIAL)"
                            + " (CRITICAL|URGENT|NORMAL|LOW)  target \\S+.*");
    static final Pattern CLOCK_SUMMARY =
            Pattern.compile(
                    " {4}(RESPONSE|ARRIVAL|RESOLUTION) +AT_RISK (\\d+) BREACHED (\\d+) ESCALATED (\\d+)"
                            + " MET_LATE (\\d+) RETRACTED (\\d+) PREDICTED_BREACH (\\d+)"
                            + " PREDICTION_CLEARED (\\d+)");

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldShowLiveBreachesThenASummaryAndLeaveNothingRunning() throws Exception {
        int uiPort = freePort();
        StringWriter terminal = new StringWriter();
        Demo demo =
                new Demo(
                        new Demo.Settings(
                                POLICY,
                                PolicyLoader.load(POLICY),
                                SPEED,
                                SHORT_RUN,
                                7,
                                BUSY_TICKETS_PER_HOUR,
                                uiPort,
                                "demo-it-",
                                null),
                        SharedKafka.bootstrapServers(),
                        SharedElasticsearch.url(),
                        new PrintWriter(terminal),
                        false,
                        new AtomicBoolean());

        demo.run();

        List<String> lines = terminal.toString().lines().toList();
        List<String> alertLines =
                lines.stream().filter(line -> ALERT_LINE.matcher(line).matches()).toList();
        assertThat(alertLines).anyMatch(line -> line.contains(" BREACHED "));
        assertThat(demo.alerts(AlertKind.BREACHED)).isPositive();
        long summed = 0;
        int clocks = 0;
        for (String line : lines) {
            var summary = CLOCK_SUMMARY.matcher(line);
            if (summary.matches()) {
                clocks++;
                for (int group = 2; group <= summary.groupCount(); group++) {
                    summed += Long.parseLong(summary.group(group));
                }
            }
        }
        assertThat(clocks).isEqualTo(3);
        assertThat(summed)
                .as("the summary counts every alert line printed")
                .isEqualTo(alertLines.size());
        assertThat(lines)
                .contains(
                        "slawatch demo summary",
                        "  alerts by clock and kind:",
                        "  met-rate per clock (finished clocks):")
                .anyMatch(
                        line ->
                                line.matches(
                                        "  tickets: \\d+ created \\(\\d+ generated ahead\\); \\d+ records delivered"))
                .anyMatch(line -> line.matches("  quarantined: (none|\\{MALFORMED_JSON=\\d+\\})"))
                .anyMatch(line -> line.startsWith("sim ") && line.contains(" events/s | open "));
        assertThat(Demo.portFree(uiPort)).as("the MiniCluster and its web UI are gone").isTrue();

        Http elasticsearch = new Http(SharedElasticsearch.url());
        elasticsearch.call("POST", "/slawatch-alerts/_refresh", null);
        long indexed =
                Json.mapper()
                        .readTree(elasticsearch.call("GET", "/slawatch-alerts/_count", null))
                        .get("count")
                        .asLong();
        // The indexer runs apart from the console: it may index alerts of the run's last instants
        // that the console stopped reading before, and the demo cancels it with a last batch
        // possibly unsent. Every indexed alert is one of the alerts topic's.
        long onTopic;
        try (TopicReader topic =
                new TopicReader(
                        SharedKafka.bootstrapServers(),
                        "demo-it-" + LiveJobOptions.ALERTS_TOPIC.defaultValue())) {
            onTopic = topic.readToEnd(Duration.ofMinutes(1)).size();
        }
        assertThat(alertLines.size()).as("alerts printed").isLessThanOrEqualTo((int) onTopic);
        assertThat(indexed)
                .as("alerts indexed, each one of the topic's")
                .isPositive()
                .isLessThanOrEqualTo(onTopic);
    }
}

package io.slawatch.pipeline;

import static io.slawatch.pipeline.LivePipelineITCase.WAIT;
import static io.slawatch.pipeline.LivePipelineITCase.event;
import static io.slawatch.pipeline.LivePipelineITCase.options;
import static io.slawatch.pipeline.LivePipelineITCase.produce;
import static io.slawatch.pipeline.LivePipelineITCase.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.JobOptions;
import io.slawatch.PolicyTopic;
import io.slawatch.model.Alert;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.serde.Json;
import io.slawatch.testkit.Checkout;
import io.slawatch.testkit.SharedKafka;
import io.slawatch.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy version published to the policies topic while the detection job runs: tickets created
 * from then on run on it, a ticket created before keeps the version it was created under.
 */
@ExtendWith(SharedKafka.class)
class PolicyPublishITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.withSlots(4);

    static final String CHAT = ",\"channel\":\"CHAT\",\"priority\":\"NORMAL\"";

    @TempDir Path temp;

    @Test
    void shouldRunTicketsCreatedAfterAPublishOnTheNewVersionAndEarlierOnesOnTheirOwn()
            throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        Path fiveSeconds = temp.resolve("chat-5s.yaml");
        Files.writeString(
                fiveSeconds,
                Files.readString(Checkout.DEFAULT_POLICY)
                        .replace("{channel: CHAT, target: PT5M}", "{channel: CHAT, target: PT5S}"));
        Path eightSeconds = temp.resolve("chat-8s.yaml");
        Files.writeString(
                eightSeconds,
                Files.readString(fiveSeconds)
                        .replace("version: \"2026.11-1\"", "version: \"2026.12-live\"")
                        .replace("target: PT5S}", "target: PT8S}"));
        JobOptions options = options(bootstrap, fiveSeconds);
        JobClient job = start(options);
        try (TopicReader alerts = new TopicReader(bootstrap, options.alertsTopic())) {
            // Later than the start file's version, published when the job started.
            Instant published = Instant.now();
            assertThat(PolicyTopic.of(options).publish(PolicyVersion.of(eightSeconds, published)))
                    .isTrue();

            // The version reaches the job on its own input: probe until a new ticket runs on it.
            Alert probe = null;
            Instant deadline = Instant.now().plus(WAIT);
            for (int i = 1; probe == null && Instant.now().isBefore(deadline); i++) {
                String ticket = "P-" + i;
                produce(
                        bootstrap,
                        options.eventsTopic(),
                        List.of(event("p" + i, ticket, "CREATED", Instant.now(), CHAT)));
                Alert breach = breachOf(alerts, ticket).orElseThrow();
                if (breach.attributes().policyVersion().equals("2026.12-live")) {
                    probe = breach;
                }
            }
            assertThat(probe).as("a ticket created after the publish").isNotNull();
            assertThat(probe.targetSeconds()).isEqualTo(8);

            produce(
                    bootstrap,
                    options.eventsTopic(),
                    List.of(
                            event(
                                    "o1",
                                    "O-1",
                                    "CREATED",
                                    published.minus(Duration.ofMinutes(10)),
                                    CHAT)));
            Alert earlier = breachOf(alerts, "O-1").orElseThrow();
            assertThat(earlier.attributes().policyVersion()).isEqualTo("2026.11-1");
            assertThat(earlier.targetSeconds()).isEqualTo(5);
        } finally {
            job.cancel().get();
        }
    }

    /** The BREACHED alert of {@code ticket}'s response, once it is on the alerts topic. */
    static Optional<Alert> breachOf(TopicReader alerts, String ticket) throws Exception {
        String id = ticket + ":RESPONSE:1:BREACHED:1";
        List<ConsumerRecord<String, String>> read =
                alerts.readUntil(r -> r.stream().anyMatch(a -> a.value().contains(id)), WAIT);
        for (ConsumerRecord<String, String> record : read) {
            Alert alert = Json.mapper().readValue(record.value(), Alert.class);
            if (alert.alertId().equals(id)) {
                return Optional.of(alert);
            }
        }
        return Optional.empty();
    }
}

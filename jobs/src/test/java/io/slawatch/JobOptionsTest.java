package io.slawatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slawatch.testkit.Checkout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobOptionsTest {

    static final String POLICY = Checkout.resolve("deploy/policies/default.yaml").toString();

    @TempDir Path temp;

    @Test
    void shouldTakeTheDefaultsForWhatIsNotGiven() {
        JobOptions options =
                JobOptions.parse(
                        new String[] {"--bootstrap-servers", "localhost:9092", "--policy", POLICY});

        JobOptions.Builder defaults = new JobOptions.Builder();
        assertThat(options.eventsTopic()).isEqualTo(JobOptions.DEFAULT_EVENTS_TOPIC);
        assertThat(options.delivery()).isEqualTo(JobOptions.Delivery.AT_LEAST_ONCE);
        assertThat(options.outOfOrderness()).isEqualTo(defaults.outOfOrderness);
        assertThat(options.checkpointInterval()).isEqualTo(JobOptions.DEFAULT_CHECKPOINT_INTERVAL);
        assertThat(options.createTopics()).isFalse();
    }

    @Test
    void shouldParseEveryKindOfValue() throws Exception {
        Path properties = temp.resolve("kafka.properties");
        Files.writeString(
                properties, "security.protocol=SASL_SSL\nsasl.jaas.config=secret-value\n");

        JobOptions options =
                JobOptions.parse(
                        new String[] {
                            "--bootstrap-servers=broker:9093",
                            "--policy",
                            POLICY,
                            "--kafka-properties",
                            properties.toString(),
                            "--delivery",
                            "exactly-once",
                            "--state-backend",
                            "rocksdb",
                            "--create-topics",
                            "--idle-timeout",
                            "PT3S",
                            "--parallelism",
                            "2"
                        });

        assertThat(options.bootstrapServers()).isEqualTo("broker:9093");
        assertThat(options.kafkaProperties())
                .isEqualTo(
                        Map.of(
                                "security.protocol",
                                "SASL_SSL",
                                "sasl.jaas.config",
                                "secret-value"));
        assertThat(options.delivery()).isEqualTo(JobOptions.Delivery.EXACTLY_ONCE);
        assertThat(options.stateBackend()).isEqualTo(JobOptions.StateBackend.ROCKSDB);
        assertThat(options.createTopics()).isTrue();
        assertThat(options.idleTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.parallelism()).isEqualTo(2);
        assertThat(options.toString()).doesNotContain("secret-value").contains("sasl.jaas.config");
    }

    @Test
    void shouldRefuseBadOptionsWithEveryReasonAndFix() {
        assertThatThrownBy(
                        () ->
                                JobOptions.parse(
                                        new String[] {
                                            "--policy", "missing.yaml", "--delivery", "twice",
                                                    "--idle-timeout", "1s",
                                            "--parallelism", "0", "--alerts-topic", "bad topic",
                                                    "--colour", "red"
                                        }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "bad options:\n"
                                + "  unknown option --colour; options: --alerts-topic, --bootstrap-servers, --checkpoint-dir, --checkpoint-interval, --create-topics, --delivery, --elasticsearch, --elasticsearch-api-key-file, --elasticsearch-ca-file, --elasticsearch-timeout, --elasticsearch-user, --events-topic, --future-skew, --group-id, --idle-timeout, --kafka-properties, --max-event-bytes, --out-of-orderness, --outcomes-topic, --parallelism, --policy, --quarantine-topic, --restart-attempts, --restart-delay, --starting-offsets, --state-backend, --transactional-id-prefix\n"
                                + "  --delivery 'twice' is not one of at-least-once, exactly-once\n"
                                + "  --idle-timeout '1s' is not an ISO-8601 duration such as PT2S\n"
                                + "  --bootstrap-servers is required, e.g. --bootstrap-servers localhost:9092\n"
                                + "  --policy missing.yaml: no such readable file\n"
                                + "  --parallelism must be at least 1, not 0\n"
                                + "  'bad topic' is not a valid Kafka topic name (letters, digits, . _ -)");
    }
}

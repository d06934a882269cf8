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

        assertThat(options.eventsTopic()).isEqualTo(LiveJobOptions.EVENTS_TOPIC.defaultValue());
        assertThat(options.delivery()).isEqualTo(LiveJobOptions.Delivery.AT_LEAST_ONCE);
        assertThat(options.outOfOrderness())
                .isEqualTo(LiveJobOptions.OUT_OF_ORDERNESS.defaultValue());
        assertThat(options.get(LiveJobOptions.CHECKPOINT_INTERVAL))
                .isEqualTo(LiveJobOptions.CHECKPOINT_INTERVAL.defaultValue());
        assertThat(options.createTopics()).isFalse();
        assertThat(options.given(LiveJobOptions.CHECKPOINT_INTERVAL)).isFalse();
        assertThat(options.givenOptions().keySet()).containsExactly("bootstrap-servers", "policy");
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
        assertThat(options.delivery()).isEqualTo(LiveJobOptions.Delivery.EXACTLY_ONCE);
        assertThat(options.get(LiveJobOptions.STATE_BACKEND))
                .isEqualTo(LiveJobOptions.StateBackend.ROCKSDB);
        assertThat(options.createTopics()).isTrue();
        assertThat(options.idleTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.get(LiveJobOptions.PARALLELISM)).isEqualTo(2);
        assertThat(options.toString()).doesNotContain("secret-value").contains("sasl.jaas.config");
    }

    @Test
    void shouldShowEveryOptionButSecretsIncludingTheCheckpointDirectory() throws Exception {
        Path apiKey = temp.resolve("api-key");
        Files.writeString(apiKey, "very-secret-key\n");

        JobOptions options =
                JobOptions.parse(
                        new String[] {
                            "--bootstrap-servers", "broker:9093",
                            "--policy", POLICY,
                            "--checkpoint-dir", "s3://slawatch/checkpoints",
                            "--elasticsearch", "http://es:9200",
                            "--elasticsearch-api-key-file", apiKey.toString()
                        });

        assertThat(options.toString())
                .isEqualTo(
                        "bootstrap-servers=broker:9093 policy="
                                + POLICY
                                + " events-topic=slawatch.ticket-events alerts-topic=slawatch.alerts"
                                + " outcomes-topic=slawatch.outcomes"
                                + " quarantine-topic=slawatch.quarantine clocks-topic=slawatch.clocks"
                                + " stats-topic=slawatch.stats reviews-topic=slawatch.reviews"
                                + " ledger-topic=slawatch.ledger policies-topic=slawatch.policies create-topics=false"
                                + " group-id=slawatch indexer-group-id=slawatch-indexer"
                                + " notifier-group-id=slawatch-notifier starting-offsets=COMMITTED"
                                + " delivery=AT_LEAST_ONCE transactional-id-prefix=slawatch"
                                + " out-of-orderness=PT2S idle-timeout=PT1S future-skew=PT5M"
                                + " max-event-bytes=65536 checkpoint-interval=PT10S"
                                + " checkpoint-dir=s3://slawatch/checkpoints state-backend=HASHMAP"
                                + " restart-attempts=3 restart-delay=PT5S"
                                + " elasticsearch=http://es:9200 elasticsearch-api-key-file="
                                + apiKey
                                + " elasticsearch-timeout=PT30S");
        assertThat(options.elasticsearch().orElseThrow().apiKey()).isEqualTo("very-secret-key");
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
                                + "  --delivery 'twice' is not one of at-least-once, exactly-once\n"
                                + "  --idle-timeout '1s' is not an ISO-8601 duration such as PT2S\n"
                                + "  unknown option --colour; options: --alerts-topic, --bootstrap-servers, --checkpoint-dir, --checkpoint-interval, --clocks-topic, --create-topics, --delivery, --elasticsearch, --elasticsearch-api-key-file, --elasticsearch-ca-file, --elasticsearch-timeout, --elasticsearch-user, --events-topic, --future-skew, --group-id, --idle-timeout, --indexer-group-id, --kafka-properties, --ledger-topic, --max-event-bytes, --notifier-group-id, --notify, --out-of-orderness, --outcomes-topic, --parallelism, --policies-topic, --policy, --quarantine-topic, --restart-attempts, --restart-delay, --reviews-topic, --starting-offsets, --state-backend, --stats-topic, --transactional-id-prefix\n"
                                + "  --bootstrap-servers is required, e.g. --bootstrap-servers localhost:9092\n"
                                + "  --policy missing.yaml: no such readable file\n"
                                + "  --parallelism must be at least 1, not 0\n"
                                + "  'bad topic' is not a valid Kafka topic name (letters, digits, . _ -)");
    }
}

package io.slawatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.Test;

class LiveJobTest {

    static final String[] REQUIRED = {
        "--bootstrap-servers", "localhost:9092", "--policy", JobOptionsTest.POLICY
    };

    /** What compose's FLINK_PROPERTIES give the cluster. */
    static final Configuration COMPOSE_CLUSTER =
            Configuration.fromMap(
                    Map.of(
                            "parallelism.default", "2",
                            "state.checkpoints.dir", "file:///flink-data/checkpoints",
                            "execution.checkpointing.interval", "10 s",
                            "state.backend.type", "rocksdb",
                            "restart-strategy.type", "exponential-delay"));

    static JobOptions parse(String... more) {
        String[] args = new String[REQUIRED.length + more.length];
        System.arraycopy(REQUIRED, 0, args, 0, REQUIRED.length);
        System.arraycopy(more, 0, args, REQUIRED.length, more.length);
        return JobOptions.parse(args);
    }

    @Test
    void shouldCheckpointToTheLocalDirectoryRatherThanTheJobManagersCappedMemory() {
        assertThat(LiveJob.configuration(parse()).get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo(LiveJob.LOCAL_CHECKPOINT_DIRECTORY)
                .startsWith("file:");
    }

    @Test
    void shouldCheckpointToTheDirectoryGiven() {
        assertThat(
                        LiveJob.configuration(
                                        parse("--checkpoint-dir", "s3://slawatch/checkpoints"))
                                .get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo("s3://slawatch/checkpoints");
    }

    @Test
    void shouldLeaveTheClustersOwnConfigurationWhereNoOptionWasGiven() {
        Configuration handed = LiveJob.configuration(parse(), COMPOSE_CLUSTER);

        assertThat(handed.toMap())
                .doesNotContainKeys(
                        CoreOptions.DEFAULT_PARALLELISM.key(),
                        CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(),
                        CheckpointingOptions.CHECKPOINTING_INTERVAL.key(),
                        StateBackendOptions.STATE_BACKEND.key(),
                        RestartStrategyOptions.RESTART_STRATEGY.key());
    }

    @Test
    void shouldHandFlinkWhatTheUserGaveOverTheClusters() {
        Configuration handed =
                LiveJob.configuration(
                        parse(
                                "--parallelism", "3",
                                "--checkpoint-dir", "s3://slawatch/checkpoints",
                                "--checkpoint-interval", "PT30S",
                                "--state-backend", "hashmap",
                                "--restart-attempts", "7"),
                        COMPOSE_CLUSTER);

        assertThat(handed.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(3);
        assertThat(handed.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo("s3://slawatch/checkpoints");
        assertThat(handed.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(handed.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
        assertThat(handed.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
        assertThat(handed.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS))
                .isEqualTo(7);
        assertThat(handed.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY))
                .isEqualTo(LiveJobOptions.RESTART_DELAY.defaultValue());
    }

    @Test
    void shouldUseTheJobsDefaultsOnAClusterThatHasNone() {
        Configuration handed = LiveJob.configuration(parse(), new Configuration());

        assertThat(handed.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(1);
        assertThat(handed.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(LiveJobOptions.CHECKPOINT_INTERVAL.defaultValue());
        assertThat(handed.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS))
                .isEqualTo(LiveJobOptions.RESTART_ATTEMPTS.defaultValue());
    }
}

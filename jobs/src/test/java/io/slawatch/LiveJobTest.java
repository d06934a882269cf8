package io.slawatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.CheckpointingOptions;
import org.junit.jupiter.api.Test;

class LiveJobTest {

    static final String[] REQUIRED = {
        "--bootstrap-servers", "localhost:9092", "--policy", JobOptionsTest.POLICY
    };

    @Test
    void shouldCheckpointToTheLocalDirectoryRatherThanTheJobManagersCappedMemory() {
        JobOptions options = JobOptions.parse(REQUIRED);

        assertThat(LiveJob.configuration(options).get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo(LiveJob.LOCAL_CHECKPOINT_DIRECTORY)
                .startsWith("file:");
    }

    @Test
    void shouldCheckpointToTheDirectoryGiven() {
        String[] args = new String[REQUIRED.length + 2];
        System.arraycopy(REQUIRED, 0, args, 0, REQUIRED.length);
        args[REQUIRED.length] = "--checkpoint-dir";
        args[REQUIRED.length + 1] = "s3://slawatch/checkpoints";

        assertThat(
                        LiveJob.configuration(JobOptions.parse(args))
                                .get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo("s3://slawatch/checkpoints");
    }
}

package io.slawatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaTopicsTest {

    static JobOptions creatingTopics(String... more) {
        String[] base = {
            "--bootstrap-servers",
            "localhost:9092",
            "--policy",
            JobOptionsTest.POLICY,
            "--create-topics"
        };
        String[] arguments = new String[base.length + more.length];
        System.arraycopy(base, 0, arguments, 0, base.length);
        System.arraycopy(more, 0, arguments, base.length, more.length);
        return JobOptions.parse(arguments);
    }

    @Test
    void shouldGiveEachSourceSubtaskOfTheParallelismAPartition() {
        assertThat(KafkaTopics.partitions(creatingTopics("--parallelism", "4"))).isEqualTo(4);
    }

    @Test
    void shouldCreateTheDefaultPartitionsWithoutAParallelism() {
        assertThat(KafkaTopics.partitions(creatingTopics()))
                .isEqualTo(KafkaTopics.DEFAULT_PARTITIONS);
    }
}

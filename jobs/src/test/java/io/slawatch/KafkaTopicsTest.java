package io.slawatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaTopicsTest {

    @Test
    void shouldGiveEachSourceSubtaskOfTheParallelismAPartition() {
        assertThat(
                        KafkaTopics.partitions(
                                LiveJobTest.parse("--create-topics", "--parallelism", "4")))
                .isEqualTo(4);
    }

    @Test
    void shouldCreateTheDefaultPartitionsWithoutAParallelism() {
        assertThat(KafkaTopics.partitions(LiveJobTest.parse("--create-topics")))
                .isEqualTo(KafkaTopics.DEFAULT_PARTITIONS);
    }
}

package io.slawatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarksTest {

    @Test
    void shouldTakeTheMiddleRoundWhateverTheOrder() {
        assertThat(Benchmarks.median(338_000, 149_000, 281_000, 285_000, 160_000))
                .isEqualTo(281_000);
    }

    @Test
    void shouldAverageTheTwoMiddleRoundsOfAnEvenCount() {
        assertThat(Benchmarks.median(4, 1, 3, 2)).isEqualTo(2.5);
    }
}

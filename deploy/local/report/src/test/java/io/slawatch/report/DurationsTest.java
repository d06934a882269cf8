package io.slawatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void shouldShowDurationsAndRatesAsPeopleReadThem() {
        assertThat(Durations.human(45)).isEqualTo("45s");
        assertThat(Durations.human(250)).isEqualTo("4m 10s");
        assertThat(Durations.human(8100)).isEqualTo("2h 15m");
        assertThat(Durations.human(90_000)).isEqualTo("1d 01h");
        assertThat(Durations.percent(0.6667)).isEqualTo("66.7 %");
        assertThat(Durations.percent(null)).isEqualTo("–");
    }

    @Test
    void shouldTakeTheNearestRankPercentile() {
        var sorted = java.util.List.of(10L, 10L, 20L, 50L, 90L);

        assertThat(Figures.percentile(sorted, 50)).isEqualTo(20);
        assertThat(Figures.percentile(sorted, 90)).isEqualTo(90);
        assertThat(Figures.percentile(java.util.List.of(7L), 90)).isEqualTo(7);
    }
}

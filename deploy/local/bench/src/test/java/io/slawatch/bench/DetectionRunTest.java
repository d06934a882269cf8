package io.slawatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DetectionRunTest {

    private static final DetectionRun.Mark FIRST_EVENT =
            new DetectionRun.Mark(5_000_000_000L, 7_000_000_000L, 300);

    private static final DetectionRun.Mark TWO_SECONDS_LATER_THREE_CPU_SECONDS_100_MS_OF_GC =
            new DetectionRun.Mark(7_000_000_000L, 10_000_000_000L, 400);

    @Test
    void shouldRateEventsCpuAndPausesOverTheSpanFromTheFirstEvent() {
        assertThat(
                        DetectionRun.between(
                                FIRST_EVENT,
                                TWO_SECONDS_LATER_THREE_CPU_SECONDS_100_MS_OF_GC,
                                1_000_000))
                .isEqualTo(new DetectionRun(500_000, 3.0, 0.05));
    }

    @Test
    void shouldKeepTheFirstEventsMarkOfARun() {
        DetectionRun.Mark.clear();
        DetectionRun.Mark.firstEventRead();
        DetectionRun.Mark first = DetectionRun.Mark.first();
        DetectionRun.Mark.firstEventRead();
        assertThat(DetectionRun.Mark.first()).isSameAs(first);
    }

    @Test
    void shouldRefuseARunThatReadNoEvent() {
        DetectionRun.Mark.clear();
        assertThatThrownBy(DetectionRun.Mark::first)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the run read no event");
    }

    private static DetectionRun at(double perSecond) {
        return new DetectionRun(perSecond, 5.0, 0.02);
    }

    @Test
    void shouldShareEachRunWithTheRunTakenInTurnWithIt() {
        DetectionRun[] with = {at(90_000), at(40_000), at(60_000)};
        DetectionRun[] without = {at(100_000), at(50_000), at(60_000)};
        double[] shares = DetectionRun.shares(with, without);
        assertThat(shares).containsExactly(0.9, 0.8, 1.0);
        assertThat(DetectionRun.describe(shares))
                .isEqualTo("the median of 3 pairs taken in turn, 80 to 100 %");
    }

    @Test
    void shouldRefuseRunsThatAreNotPairs() {
        assertThatThrownBy(
                        () ->
                                DetectionRun.shares(
                                        new DetectionRun[] {at(1), at(2)},
                                        new DetectionRun[] {at(1)}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 runs with against 1 without: not pairs");
    }
}

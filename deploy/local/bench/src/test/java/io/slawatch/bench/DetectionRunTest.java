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
}

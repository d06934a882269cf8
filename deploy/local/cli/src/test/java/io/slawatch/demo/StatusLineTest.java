package io.slawatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.AlertKind;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    static final StatusLine BUSY_DEMO =
            new StatusLine(
                    "2026-11-23 10:42:07",
                    1234,
                    OptionalLong.of(5678),
                    OptionalLong.of(9012),
                    Map.of(
                            AlertKind.AT_RISK, 310L,
                            AlertKind.BREACHED, 41L,
                            AlertKind.ESCALATED, 7L,
                            AlertKind.MET_LATE, 12L,
                            AlertKind.RETRACTED, 2L),
                    OptionalDouble.of(182),
                    OptionalDouble.of(600),
                    60);

    @Test
    void shouldFitEightyColumnsWithTheMostUsefulFiguresFirst() {
        assertThat(BUSY_DEMO.fit(80))
                .isEqualTo(
                        "sim 2026-11-23 10:42:07 | 1234 events/s | open 5678 tickets | 41 breached");
    }

    @Test
    void shouldShowMoreFiguresOnAWiderTerminalNeverReachingItsLastColumn() {
        String wide = BUSY_DEMO.fit(160);

        assertThat(wide)
                .isEqualTo(
                        "sim 2026-11-23 10:42:07 | 1234 events/s | open 5678 tickets | 41 breached"
                                + " | event-time lag 182 s sim (3.0 s real)"
                                + " | dashboards 600 s sim (10.0 s real) behind");
        assertThat(wide.length()).isLessThan(160);
    }

    @Test
    void shouldCutTheFirstFigureOnlyOnATerminalTooNarrowForIt() {
        assertThat(BUSY_DEMO.fit(12)).isEqualTo("sim 2026-11");
    }

    @Test
    void shouldGiveEveryFigureWithItsUnitWhenPiped() {
        assertThat(BUSY_DEMO.whole())
                .isEqualTo(
                        "sim 2026-11-23 10:42:07 | 1234 events/s | open 5678 tickets | 41 breached"
                                + " | event-time lag 182 s sim (3.0 s real)"
                                + " | dashboards 600 s sim (10.0 s real) behind | 9012 clocks running"
                                + " | 310 at risk | 7 escalated | 12 met late | 2 retracted");
    }

    @Test
    void shouldMarkFiguresNotKnownYet() {
        StatusLine starting =
                new StatusLine(
                        "2026-11-23 10:42:07",
                        0,
                        OptionalLong.empty(),
                        OptionalLong.empty(),
                        Map.of(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        1);

        assertThat(starting.whole())
                .isEqualTo(
                        "sim 2026-11-23 10:42:07 | 0 events/s | open … tickets | 0 breached"
                                + " | event-time lag … | dashboards … behind | … clocks running"
                                + " | 0 at risk"
                                + " | 0 escalated | 0 met late | 0 retracted");
    }
}

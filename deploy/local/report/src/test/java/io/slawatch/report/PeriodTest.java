package io.slawatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant MARCH_31_2330_SHANGHAI = Instant.parse("2026-03-31T15:30:00Z");

    @Test
    void shouldCountAnInstantInTheMonthOfItsZone() {
        Period march = Period.month(YearMonth.of(2026, 3), SHANGHAI);

        assertThat(march.contains(MARCH_31_2330_SHANGHAI)).isTrue();
        assertThat(march.contains(MARCH_31_2330_SHANGHAI.plusSeconds(1800))).isFalse();
        assertThat(march.previous().label()).isEqualTo("2026-02");
        assertThat(march.trendMonths())
                .containsExactly(
                        YearMonth.of(2025, 10),
                        YearMonth.of(2025, 11),
                        YearMonth.of(2025, 12),
                        YearMonth.of(2026, 1),
                        YearMonth.of(2026, 2),
                        YearMonth.of(2026, 3));
        assertThat(march.trendStart()).isEqualTo(Instant.parse("2025-09-30T16:00:00Z"));
    }

    @Test
    void shouldSpanAQuarterAndFollowTheOneBefore() {
        Period first = Period.quarter("2026-Q1", SHANGHAI);

        assertThat(first.months())
                .containsExactly(
                        YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3));
        assertThat(first.isQuarter()).isTrue();
        assertThat(first.previous()).isEqualTo(Period.quarter("2025-Q4", SHANGHAI));
        assertThat(first.end()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
    }

    @Test
    void shouldSayHowToWriteABadPeriod() {
        assertThatThrownBy(() -> Period.quarter("2026-Q5", SHANGHAI))
                .hasMessage("'2026-Q5' is not a quarter: write it as yyyy-Qn, e.g. 2026-Q1");
        assertThatThrownBy(() -> Period.parseMonth("2026-3"))
                .hasMessage("'2026-3' is not a month: write it as yyyy-MM, e.g. 2026-03");
    }
}

package io.slawatch.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OpenRangesTest {

    @Test
    void shouldGiveEveryDayItsOwnRangesWhicheverDaysWereAskedBefore() {
        // Two years of days: many share a slot of the days a calendar keeps. Each day asked once,
        // in order, of one calendar; then at random, again and again, of another.
        LocalDate first = LocalDate.parse("2026-01-01");
        List<long[]> once = new ArrayList<>();
        BusinessCalendar inOrder = Calendars.parse(Calendars.SHANGHAI_OFFICE_YAML);
        for (int day = 0; day < 730; day++) {
            once.add(inOrder.openRanges(first.plusDays(day)).clone());
        }
        BusinessCalendar atRandom = Calendars.parse(Calendars.SHANGHAI_OFFICE_YAML);
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int day = random.nextInt(once.size());
            assertThat(atRandom.openRanges(first.plusDays(day)))
                    .as(first.plusDays(day).toString())
                    .isEqualTo(once.get(day));
        }
        assertThat(atRandom.openRanges(LocalDate.parse("2026-12-31")))
                .as("the closure cuts the afternoon")
                .hasSize(2);
        assertThat(atRandom.openRanges(LocalDate.parse("2026-10-10"))).hasSize(4);
        assertThat(atRandom.openRanges(LocalDate.parse("2026-10-01"))).isEmpty();
    }
}

package io.slawatch.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.policy.PolicyLoader;
import io.slawatch.testkit.Checkout;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** "Within N working days" on the default policy's {@code office} calendar. */
class WorkingDaysTest {

    static final WorkingDays OFFICE = office();

    static final Instant WEDNESDAY_1005 = at("2026-11-25T10:05:00+08:00");
    static final Instant FRIDAY_1800 = at("2026-11-27T18:00:00+08:00");
    static final Instant SATURDAY_1000 = at("2026-11-28T10:00:00+08:00");
    static final Instant MONDAY_1800 = at("2026-11-30T18:00:00+08:00");
    static final Instant EVE_OF_GOLDEN_WEEK_1000 = at("2026-09-30T10:00:00+08:00");
    static final Instant FRIDAY_AFTER_GOLDEN_WEEK_1800 = at("2026-10-09T18:00:00+08:00");
    static final Instant MAKE_UP_SATURDAY_1800 = at("2026-10-10T18:00:00+08:00");

    @Test
    void shouldEndTwoWorkingDaysAfterAWednesdayOnFridaysClosing() {
        assertThat(OFFICE.within(WEDNESDAY_1005, 2)).isEqualTo(FRIDAY_1800);
    }

    @Test
    void shouldCountTheMondayAfterASaturdayAsItsFirstWorkingDay() {
        assertThat(OFFICE.within(SATURDAY_1000, 1)).isEqualTo(MONDAY_1800);
    }

    @Test
    void shouldSkipAWeekOfHolidays() {
        assertThat(OFFICE.within(EVE_OF_GOLDEN_WEEK_1000, 2))
                .isEqualTo(FRIDAY_AFTER_GOLDEN_WEEK_1800);
    }

    @Test
    void shouldCountAMakeUpSaturdayAsAWorkingDay() {
        assertThat(OFFICE.within(FRIDAY_AFTER_GOLDEN_WEEK_1800, 1))
                .isEqualTo(MAKE_UP_SATURDAY_1800);
        assertThat(OFFICE.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(OFFICE.isWorkingDay(LocalDate.parse("2026-10-11"))).isFalse();
    }

    @Test
    void shouldNameTheWorkingDaysOfASuspensionAfterAWednesday() {
        LocalDate wednesday = LocalDate.parse("2026-11-25");
        assertThat(OFFICE.nth(wednesday, 1)).isEqualTo(LocalDate.parse("2026-11-26"));
        assertThat(OFFICE.nth(wednesday, 3)).isEqualTo(LocalDate.parse("2026-11-30"));
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static WorkingDays office() {
        try {
            return new WorkingDays(
                    PolicyLoader.load(Checkout.resolve("deploy/policies/default.yaml"))
                            .calendar("office"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.slawatch.calendar;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Working-day arithmetic of the after-sales rules over a {@link BusinessCalendar}: a working day is
 * a local date on which the calendar opens at all. "Within N working days" of an instant ends when
 * the Nth working day after that instant's local date closes, so a Wednesday breach has two working
 * days until Friday's closing, and a Saturday one counts Monday as its first.
 */
public final class WorkingDays implements Serializable {

    private static final long serialVersionUID = 1L;

    private final BusinessCalendar calendar;

    public WorkingDays(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public ZoneId zone() {
        return calendar.zone();
    }

    /** The local date of {@code instant} in the calendar's zone. */
    public LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, calendar.zone());
    }

    /** The closing instant of the {@code days}th working day after {@code instant}'s date. */
    public Instant within(Instant instant, int days) {
        LocalDate day = nth(date(instant), days);
        long[] ranges = calendar.openRanges(day);
        return Instant.ofEpochSecond(ranges[ranges.length - 1]);
    }

    /** The {@code days}th working day after {@code date} ({@code days} ≥ 1). */
    public LocalDate nth(LocalDate date, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("count working days from 1, not " + days);
        }
        LocalDate day = date;
        int found = 0;
        for (int closed = 0; found < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                found++;
                closed = 0;
            } else if (++closed > BusinessCalendar.MAX_CLOSED_DAYS) {
                throw new IllegalStateException(
                        "the calendar has no working day within "
                                + BusinessCalendar.MAX_CLOSED_DAYS
                                + " days after "
                                + day.minusDays(closed));
            }
        }
        return day;
    }

    public boolean isWorkingDay(LocalDate date) {
        return calendar.openRanges(date).length > 0;
    }
}

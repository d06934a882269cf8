package io.slawatch.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The months a report covers, in the zone its months are counted in: one month, or a quarter (the
 * audit's). A clock, a breach and its consequences count in the month of the clock's deadline.
 */
public record Period(String label, YearMonth first, YearMonth last, ZoneId zone) {

    /** How many months the trend shows, this period's last month included. */
    public static final int TREND_MONTHS = 6;

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Period month(YearMonth month, ZoneId zone) {
        return new Period(month.toString(), month, month, zone);
    }

    /** A quarter written {@code 2026-Q1}; an IllegalArgumentException says how to write one. */
    public static Period quarter(String text, ZoneId zone) {
        Matcher matcher = QUARTER.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a quarter: write it as yyyy-Qn, e.g. 2026-Q1");
        }
        YearMonth first =
                YearMonth.of(
                        Integer.parseInt(matcher.group(1)),
                        (Integer.parseInt(matcher.group(2)) - 1) * 3 + 1);
        return new Period(text, first, first.plusMonths(2), zone);
    }

    /** A month written {@code 2026-03}; an IllegalArgumentException says how to write one. */
    public static YearMonth parseMonth(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a month: write it as yyyy-MM, e.g. 2026-03");
        }
    }

    public boolean isQuarter() {
        return !first.equals(last);
    }

    public YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(zone));
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(first) && !month.isAfter(last);
    }

    public boolean contains(Instant instant) {
        return contains(monthOf(instant));
    }

    /** The period just before, as long as this one: last month, or last quarter. */
    public Period previous() {
        int length = months().size();
        YearMonth start = first.minusMonths(length);
        YearMonth end = last.minusMonths(length);
        String previousLabel =
                isQuarter()
                        ? start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1)
                        : start.toString();
        return new Period(previousLabel, start, end, zone);
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** The trend's months, oldest first, ending with this period's last. */
    public List<YearMonth> trendMonths() {
        List<YearMonth> months = new ArrayList<>();
        for (int back = TREND_MONTHS - 1; back >= 0; back--) {
            months.add(last.minusMonths(back));
        }
        return months;
    }

    /** The first instant of the trend: what a store is read from. */
    public Instant trendStart() {
        return trendMonths().get(0).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first instant after this period. */
    public Instant end() {
        return last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }
}

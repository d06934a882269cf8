package io.slawatch.calendar;

import static io.slawatch.calendar.Calendars.ADELAIDE_24X7;
import static io.slawatch.calendar.Calendars.ADELAIDE_EARLY_SHIFT;
import static io.slawatch.calendar.Calendars.BERLIN_24X7;
import static io.slawatch.calendar.Calendars.BERLIN_SMALL_HOURS;
import static io.slawatch.calendar.Calendars.KOLKATA_MON_SAT;
import static io.slawatch.calendar.Calendars.NEW_YORK_24X7;
import static io.slawatch.calendar.Calendars.NEW_YORK_GAP_HOUR;
import static io.slawatch.calendar.Calendars.NEW_YORK_OFFICE;
import static io.slawatch.calendar.Calendars.NEW_YORK_SMALL_HOURS;
import static io.slawatch.calendar.Calendars.SHANGHAI_NIGHT_SHIFT;
import static io.slawatch.calendar.Calendars.SHANGHAI_OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BusinessCalendarTest {

    static Stream<Arguments> additions() {
        return Stream.of(
                // Shanghai office: Mon–Fri 09–12, 13–18.
                add(SHANGHAI_OFFICE, "2026-11-23T09:00+08:00", "PT4H", "2026-11-23T14:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-11-23T09:00+08:00", "PT3H", "2026-11-23T12:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-11-23T12:00+08:00", "PT1S", "2026-11-23T13:00:01+08:00"),
                add(
                        SHANGHAI_OFFICE,
                        "2026-11-23T11:59:59+08:00",
                        "PT2S",
                        "2026-11-23T13:00:01+08:00"),
                add(SHANGHAI_OFFICE, "2026-11-23T12:30+08:00", "PT1H", "2026-11-23T14:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-11-23T08:00+08:00", "PT1H", "2026-11-23T10:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-11-23T01:00Z", "PT1H", "2026-11-23T10:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-11-23T17:00+08:00", "PT2H", "2026-11-24T10:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-11-23T18:00+08:00", "PT8H", "2026-11-24T18:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-11-27T17:00+08:00", "PT2H", "2026-11-30T10:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-11-28T10:00+08:00", "PT1H", "2026-11-30T10:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-11-23T09:00+08:00", "PT0S", "2026-11-23T09:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-11-28T10:00+08:00", "PT0S", "2026-11-28T10:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-09-30T17:00+08:00", "PT2H", "2026-10-08T10:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-10-09T17:00+08:00", "PT2H", "2026-10-10T10:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-12-31T11:00+08:00", "PT2H", "2027-01-01T10:00+08:00"),
                add(SHANGHAI_OFFICE, "2026-11-23T09:00+08:00", "PT40H", "2026-11-27T18:00+08:00"),
                add(
                        SHANGHAI_OFFICE,
                        "2026-11-23T09:00+08:00",
                        "PT40H1S",
                        "2026-11-30T09:00:01+08:00"),
                add(SHANGHAI_OFFICE, "2026-11-02T09:00+08:00", "PT80H", "2026-11-13T18:00+08:00"),
                // Overnight intervals belong to the day they start; Tuesday 2026-11-24 is closed.
                add(
                        SHANGHAI_NIGHT_SHIFT,
                        "2026-11-23T23:00+08:00",
                        "PT2H",
                        "2026-11-24T01:00+08:00"),
                add(
                        SHANGHAI_NIGHT_SHIFT,
                        "2026-11-23T23:00+08:00",
                        "PT8H",
                        "2026-11-25T23:00+08:00"),
                add(
                        SHANGHAI_NIGHT_SHIFT,
                        "2026-11-25T05:00+08:00",
                        "PT2H",
                        "2026-11-26T00:00+08:00"),
                add(
                        SHANGHAI_NIGHT_SHIFT,
                        "2026-11-26T05:00+08:00",
                        "PT2H",
                        "2026-11-26T23:00+08:00"),
                add(
                        SHANGHAI_NIGHT_SHIFT,
                        "2026-11-30T21:00+08:00",
                        "PT8H",
                        "2026-12-01T06:00+08:00"),
                add(
                        SHANGHAI_NIGHT_SHIFT,
                        "2026-11-27T23:00+08:00",
                        "PT2H",
                        "2026-11-30T23:00+08:00"),
                // New York: spring forward 2026-03-08, fall back 2026-11-01.
                add(NEW_YORK_24X7, "2026-03-08T00:00-05:00", "PT24H", "2026-03-09T01:00-04:00"),
                add(NEW_YORK_24X7, "2026-11-01T00:00-04:00", "PT24H", "2026-11-01T23:00-05:00"),
                add(
                        NEW_YORK_SMALL_HOURS,
                        "2026-03-08T00:00-05:00",
                        "PT3H",
                        "2026-03-08T04:00-04:00"),
                add(
                        NEW_YORK_SMALL_HOURS,
                        "2026-03-08T00:00-05:00",
                        "PT4H",
                        "2026-03-09T01:00-04:00"),
                add(
                        NEW_YORK_SMALL_HOURS,
                        "2026-11-01T00:00-04:00",
                        "PT5H",
                        "2026-11-01T04:00-05:00"),
                add(
                        NEW_YORK_SMALL_HOURS,
                        "2026-11-01T01:30-05:00",
                        "PT1H",
                        "2026-11-01T02:30-05:00"),
                add(NEW_YORK_GAP_HOUR, "2026-03-08T00:00-05:00", "PT30M", "2026-03-09T03:00-04:00"),
                add(NEW_YORK_OFFICE, "2026-03-06T16:00-05:00", "PT2H", "2026-03-09T10:00-04:00"),
                // Berlin: 2026-03-29 and 2026-10-25.
                add(BERLIN_24X7, "2026-03-29T00:00+01:00", "PT24H", "2026-03-30T01:00+02:00"),
                add(BERLIN_SMALL_HOURS, "2026-03-29T01:00+01:00", "PT3H", "2026-03-29T05:00+02:00"),
                add(BERLIN_SMALL_HOURS, "2026-10-25T04:00+01:00", "PT2H", "2026-10-26T02:00+01:00"),
                // Adelaide, a half-hour zone: DST ends 2026-04-05, starts 2026-10-04.
                add(ADELAIDE_24X7, "2026-10-04T00:00+09:30", "PT24H", "2026-10-05T01:00+10:30"),
                add(
                        ADELAIDE_EARLY_SHIFT,
                        "2026-10-04T00:00+09:30",
                        "PT5H",
                        "2026-10-04T06:00+10:30"),
                add(
                        ADELAIDE_EARLY_SHIFT,
                        "2026-04-05T05:00+09:30",
                        "PT2H",
                        "2026-04-06T01:00+09:30"),
                // Kolkata, +05:30, Mon–Sat: multi-week spans.
                add(KOLKATA_MON_SAT, "2026-11-28T18:00+05:30", "PT2H", "2026-11-30T11:00+05:30"),
                add(KOLKATA_MON_SAT, "2026-11-02T10:00+05:30", "PT217H", "2026-11-30T11:00+05:30"),
                add(
                        KOLKATA_MON_SAT,
                        "2026-11-02T10:00+05:30",
                        "PT2808H",
                        "2027-10-30T19:00+05:30"));
    }

    static Stream<Arguments> spans() {
        return Stream.of(
                between(
                        SHANGHAI_OFFICE,
                        "2026-11-23T09:00+08:00",
                        "2026-11-23T18:00+08:00",
                        "PT8H"),
                between(
                        SHANGHAI_OFFICE,
                        "2026-11-23T11:00+08:00",
                        "2026-11-23T14:00+08:00",
                        "PT2H"),
                between(
                        SHANGHAI_OFFICE,
                        "2026-11-27T17:00+08:00",
                        "2026-11-30T10:00+08:00",
                        "PT2H"),
                between(
                        SHANGHAI_OFFICE,
                        "2026-11-23T18:00+08:00",
                        "2026-11-23T09:00+08:00",
                        "PT0S"),
                between(
                        SHANGHAI_OFFICE,
                        "2026-11-23T10:00+08:00",
                        "2026-11-23T10:00+08:00",
                        "PT0S"),
                between(
                        SHANGHAI_OFFICE,
                        "2026-11-23T12:15+08:00",
                        "2026-11-23T12:45+08:00",
                        "PT0S"),
                between(
                        SHANGHAI_OFFICE,
                        "2026-11-28T00:00+08:00",
                        "2026-11-29T23:59+08:00",
                        "PT0S"),
                between(
                        SHANGHAI_OFFICE,
                        "2026-09-30T09:00+08:00",
                        "2026-10-08T09:00+08:00",
                        "PT8H"),
                between(
                        SHANGHAI_OFFICE,
                        "2026-10-09T09:00+08:00",
                        "2026-10-12T09:00+08:00",
                        "PT16H"),
                between(
                        SHANGHAI_OFFICE,
                        "2026-12-31T09:00+08:00",
                        "2027-01-01T00:00+08:00",
                        "PT3H"),
                between(
                        SHANGHAI_OFFICE,
                        "2026-11-02T00:00+08:00",
                        "2026-11-30T00:00+08:00",
                        "PT160H"),
                between(
                        SHANGHAI_NIGHT_SHIFT,
                        "2026-11-30T20:00+08:00",
                        "2026-12-02T20:00+08:00",
                        "PT16H"),
                between(
                        SHANGHAI_NIGHT_SHIFT,
                        "2026-11-30T23:00+08:00",
                        "2026-12-01T01:00+08:00",
                        "PT2H"),
                between(NEW_YORK_24X7, "2026-03-08T00:00-05:00", "2026-03-09T00:00-04:00", "PT23H"),
                between(NEW_YORK_24X7, "2026-11-01T00:00-04:00", "2026-11-02T00:00-05:00", "PT25H"),
                between(
                        NEW_YORK_SMALL_HOURS,
                        "2026-03-08T00:00-05:00",
                        "2026-03-08T12:00-04:00",
                        "PT3H"),
                between(
                        NEW_YORK_SMALL_HOURS,
                        "2026-11-01T00:00-04:00",
                        "2026-11-01T12:00-05:00",
                        "PT5H"),
                between(
                        NEW_YORK_SMALL_HOURS,
                        "2026-03-01T00:00-05:00",
                        "2026-03-15T00:00-04:00",
                        "PT55H"),
                between(
                        NEW_YORK_GAP_HOUR,
                        "2026-03-07T00:00-05:00",
                        "2026-03-10T00:00-04:00",
                        "PT2H"),
                between(
                        NEW_YORK_GAP_HOUR,
                        "2026-11-01T00:00-04:00",
                        "2026-11-02T00:00-05:00",
                        "PT1H"),
                between(
                        NEW_YORK_OFFICE,
                        "2026-10-30T09:00-04:00",
                        "2026-11-02T17:00-05:00",
                        "PT16H"),
                between(BERLIN_24X7, "2026-10-25T00:00+02:00", "2026-10-26T00:00+01:00", "PT25H"),
                between(
                        BERLIN_SMALL_HOURS,
                        "2026-03-29T00:00+01:00",
                        "2026-03-29T12:00+02:00",
                        "PT3H"),
                between(
                        BERLIN_SMALL_HOURS,
                        "2026-10-25T00:00+02:00",
                        "2026-10-25T12:00+01:00",
                        "PT5H"),
                between(ADELAIDE_24X7, "2026-04-05T00:00+10:30", "2026-04-06T00:00+09:30", "PT25H"),
                between(ADELAIDE_24X7, "2026-10-04T00:00+09:30", "2026-10-05T00:00+10:30", "PT23H"),
                between(
                        ADELAIDE_EARLY_SHIFT,
                        "2026-04-05T00:00+10:30",
                        "2026-04-05T12:00+09:30",
                        "PT7H"),
                between(
                        ADELAIDE_EARLY_SHIFT,
                        "2026-10-04T00:00+09:30",
                        "2026-10-04T12:00+10:30",
                        "PT5H"),
                between(
                        KOLKATA_MON_SAT,
                        "2026-11-02T10:00+05:30",
                        "2027-11-01T10:00+05:30",
                        "PT2808H"));
    }

    static Stream<Arguments> openings() {
        return Stream.of(
                nextOpen(SHANGHAI_OFFICE, "2026-11-23T12:30+08:00", "2026-11-23T13:00+08:00"),
                nextOpen(SHANGHAI_OFFICE, "2026-11-23T10:00+08:00", "2026-11-23T10:00+08:00"),
                nextOpen(SHANGHAI_OFFICE, "2026-11-28T10:00+08:00", "2026-11-30T09:00+08:00"),
                nextOpen(SHANGHAI_OFFICE, "2026-09-30T18:00+08:00", "2026-10-08T09:00+08:00"),
                nextOpen(SHANGHAI_OFFICE, "2026-12-31T12:00+08:00", "2027-01-01T09:00+08:00"),
                nextOpen(SHANGHAI_NIGHT_SHIFT, "2026-11-25T05:00+08:00", "2026-11-25T22:00+08:00"),
                nextOpen(NEW_YORK_GAP_HOUR, "2026-03-08T00:00-05:00", "2026-03-09T02:30-04:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("additions")
    void shouldAddBusinessTime(
            String name,
            BusinessCalendar calendar,
            Instant start,
            Duration duration,
            Instant expected) {
        assertThat(calendar.add(start, duration)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spans")
    void shouldMeasureBusinessTimeBetween(
            String name, BusinessCalendar calendar, Instant start, Instant end, Duration expected) {
        assertThat(calendar.between(start, end)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openings")
    void shouldFindNextOpening(
            String name, BusinessCalendar calendar, Instant at, Instant expected) {
        assertThat(calendar.nextOpen(at)).isEqualTo(expected);
        assertThat(calendar.isOpen(at)).isEqualTo(at.equals(expected));
    }

    @Test
    void shouldKeepSubSecondStartWhenAddingZero() {
        Instant start = Instant.parse("2026-11-23T01:00:00.250Z");
        assertThat(SHANGHAI_OFFICE.add(start, Duration.ZERO)).isSameAs(start);
    }

    @Test
    void shouldRefuseNegativeDurations() {
        assertThatThrownBy(() -> SHANGHAI_OFFICE.add(Instant.EPOCH, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseACalendarThatIsNeverOpen() {
        assertThatThrownBy(
                        () ->
                                BusinessCalendar.of(
                                        ZoneId.of("UTC"),
                                        false,
                                        Map.of(),
                                        new TreeSet<>(),
                                        List.of(),
                                        new TreeMap<>()))
                .hasMessageContaining("never open");
    }

    /**
     * Week skipping must agree with a plain day-by-day walk, on random starts and spans across
     * holidays, closures, extra workdays and DST changes.
     */
    @Test
    void shouldAgreeWithDayByDayReferenceOnRandomSpans() {
        Random random = new Random(20261123);
        List<BusinessCalendar> calendars =
                List.of(
                        SHANGHAI_OFFICE,
                        SHANGHAI_NIGHT_SHIFT,
                        NEW_YORK_OFFICE,
                        NEW_YORK_SMALL_HOURS,
                        BERLIN_SMALL_HOURS,
                        ADELAIDE_EARLY_SHIFT,
                        KOLKATA_MON_SAT);
        Instant base = Instant.parse("2025-12-01T00:00:00Z");
        for (int i = 0; i < 2_000; i++) {
            BusinessCalendar calendar = calendars.get(i % calendars.size());
            Instant start = base.plusSeconds(random.nextInt(400 * 86_400));
            Duration span = Duration.ofSeconds(1 + random.nextInt(120 * 86_400));
            Instant end = start.plus(span);
            Duration expected = referenceBetween(calendar, start, end);
            assertThat(calendar.between(start, end))
                    .as("between %s and %s", start, end)
                    .isEqualTo(expected);
            if (!expected.isZero()) {
                Instant deadline = calendar.add(start, expected);
                assertThat(referenceBetween(calendar, start, deadline)).isEqualTo(expected);
                assertThat(calendar.isOpen(deadline.minusSeconds(1)))
                        .as("deadline %s", deadline)
                        .isTrue();
            }
        }
    }

    private static Duration referenceBetween(
            BusinessCalendar calendar, Instant start, Instant end) {
        long from = start.getEpochSecond();
        long to = end.getEpochSecond();
        long total = 0;
        long cursor = from;
        LocalDate last = LocalDate.ofInstant(end, calendar.zone());
        for (LocalDate day = LocalDate.ofInstant(start, calendar.zone()).minusDays(1);
                !day.isAfter(last);
                day = day.plusDays(1)) {
            long[] ranges = calendar.openRanges(day);
            for (int i = 0; i < ranges.length; i += 2) {
                long a = Math.max(ranges[i], cursor);
                long b = Math.min(ranges[i + 1], to);
                if (b > a) {
                    total += b - a;
                    cursor = b;
                }
            }
        }
        return Duration.ofSeconds(total);
    }

    private static Arguments add(
            BusinessCalendar calendar, String start, String duration, String expected) {
        return Arguments.of(
                calendarName(calendar) + ": " + start + " + " + duration + " = " + expected,
                calendar,
                instant(start),
                Duration.parse(duration),
                instant(expected));
    }

    private static Arguments between(
            BusinessCalendar calendar, String start, String end, String expected) {
        return Arguments.of(
                calendarName(calendar) + ": " + start + " to " + end + " = " + expected,
                calendar,
                instant(start),
                instant(end),
                Duration.parse(expected));
    }

    private static Arguments nextOpen(BusinessCalendar calendar, String at, String expected) {
        return Arguments.of(
                calendarName(calendar) + ": next opening after " + at + " = " + expected,
                calendar,
                instant(at),
                instant(expected));
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static String calendarName(BusinessCalendar calendar) {
        for (var field : Calendars.class.getDeclaredFields()) {
            try {
                if (field.get(null) == calendar) {
                    return field.getName();
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return calendar.toString();
    }
}

package io.slawatch.calendar;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Business time: real elapsed seconds inside opening hours.
 *
 * <p>Opening hours keep their local clock times, so a 23-hour DST day counts 23 hours and an
 * interval that contains a fall-back hour counts it twice as long as its clock says. A local time
 * that does not exist (inside a spring-forward gap) moves forward by the gap, as {@link
 * ZonedDateTime#of} does.
 *
 * <p>Conventions: second precision; a deadline that lands exactly at a closing time is that closing
 * time; adding zero returns the start unchanged; the time from an end back to an earlier start is
 * zero. A holiday or an extra workday governs the intervals that start on it (an overnight interval
 * belongs to the day it starts). An extra workday replaces the day's weekly hours, also on a
 * holiday.
 *
 * <p>Long spans skip whole weeks that contain no holiday, closure, extra workday or offset change
 * in O(1), so a call per event stays cheap whatever the duration.
 */
public final class BusinessCalendar implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * How many consecutive days without any opening a walk tolerates before it gives up: only a
     * calendar closed for longer than this (e.g. a year of holidays) can reach it.
     */
    static final int MAX_CLOSED_DAYS = 3 * 366;

    /** Days whose open ranges are kept (see {@code recentDays}): a few weeks of deadlines. */
    private static final int RECENT_DAYS = 64;

    private final ZoneId zone;
    private final boolean alwaysOpen;
    private final EnumMap<DayOfWeek, List<OpeningInterval>> weekly;
    private final TreeSet<LocalDate> holidays;
    private final List<Closure> closures;
    private final TreeMap<LocalDate, List<OpeningInterval>> extraWorkdays;
    private final long weeklyOpenSeconds;
    private final boolean plainElapsedTime;

    /**
     * The open ranges of recent days, by epoch day modulo its length: every event's deadline walks
     * the same few days, and working them out again each time resolves zone offsets. An entry is a
     * pure function of its day, so it never goes stale; slots are replaced whole, so a subtask
     * sharing the calendar reads either entry, never half of one.
     */
    private transient DayRanges[] recentDays;

    private record DayRanges(long epochDay, long[] ranges) {}

    /** A closed range of local date-times, e.g. a half-day holiday. */
    public record Closure(LocalDateTime from, LocalDateTime to) implements Serializable {
        public Closure {
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("a closure must end after it starts");
            }
        }

        @Override
        public String toString() {
            return from + "/" + to;
        }
    }

    private BusinessCalendar(
            ZoneId zone,
            boolean alwaysOpen,
            Map<DayOfWeek, List<OpeningInterval>> weekly,
            NavigableSet<LocalDate> holidays,
            List<Closure> closures,
            NavigableMap<LocalDate, List<OpeningInterval>> extraWorkdays) {
        this.zone = zone;
        this.alwaysOpen = alwaysOpen;
        this.weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningInterval> hours =
                    alwaysOpen
                            ? List.of(new OpeningInterval(0, OpeningInterval.MINUTES_PER_DAY))
                            : weekly.getOrDefault(day, List.of());
            this.weekly.put(day, sorted(hours));
        }
        this.holidays = new TreeSet<>(holidays);
        this.closures = new ArrayList<>(closures);
        this.closures.sort((a, b) -> a.from().compareTo(b.from()));
        this.extraWorkdays = new TreeMap<>();
        extraWorkdays.forEach((date, hours) -> this.extraWorkdays.put(date, sorted(hours)));
        this.weeklyOpenSeconds =
                this.weekly.values().stream()
                                .flatMap(List::stream)
                                .mapToLong(OpeningInterval::lengthMinutes)
                                .sum()
                        * 60;
        if (weeklyOpenSeconds == 0) {
            throw new IllegalArgumentException(
                    "the calendar is never open: the weekly hours have no opening interval");
        }
        firstOverlap(this.weekly)
                .ifPresent(
                        overlap -> {
                            throw new IllegalArgumentException(overlap.toString());
                        });
        this.plainElapsedTime = alwaysOpen && this.holidays.isEmpty() && this.closures.isEmpty();
    }

    /** A calendar open around the clock in {@code zone}, with no holidays. */
    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        return new BusinessCalendar(
                zone, true, Map.of(), new TreeSet<>(), List.of(), new TreeMap<>());
    }

    /**
     * A calendar with weekly opening hours and exceptions.
     *
     * @throws IllegalArgumentException when the weekly hours have no opening at all
     */
    public static BusinessCalendar of(
            ZoneId zone,
            boolean alwaysOpen,
            Map<DayOfWeek, List<OpeningInterval>> weekly,
            NavigableSet<LocalDate> holidays,
            List<Closure> closures,
            NavigableMap<LocalDate, List<OpeningInterval>> extraWorkdays) {
        return new BusinessCalendar(zone, alwaysOpen, weekly, holidays, closures, extraWorkdays);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    public Map<DayOfWeek, List<OpeningInterval>> weekly() {
        return Collections.unmodifiableMap(weekly);
    }

    public NavigableSet<LocalDate> holidays() {
        return Collections.unmodifiableNavigableSet(holidays);
    }

    public NavigableMap<LocalDate, List<OpeningInterval>> extraWorkdays() {
        return Collections.unmodifiableNavigableMap(extraWorkdays);
    }

    /** The instant at which {@code duration} of business time has passed since {@code start}. */
    public Instant add(Instant start, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot add a negative duration: " + duration);
        }
        if (duration.isZero()) {
            return start;
        }
        long from = start.getEpochSecond();
        if (plainElapsedTime) {
            return Instant.ofEpochSecond(from + duration.getSeconds());
        }
        return Instant.ofEpochSecond(walk(from, Long.MAX_VALUE, duration.getSeconds()).reached);
    }

    /** Business time in {@code [start, end)}; zero when the end is not after the start. */
    public Duration between(Instant start, Instant end) {
        long from = start.getEpochSecond();
        long until = end.getEpochSecond();
        if (until <= from) {
            return Duration.ZERO;
        }
        if (plainElapsedTime) {
            return Duration.ofSeconds(until - from);
        }
        return Duration.ofSeconds(walk(from, until, Long.MAX_VALUE).consumed);
    }

    /** The first open instant at or after {@code instant} (second precision). */
    public Instant nextOpen(Instant instant) {
        long t = instant.getEpochSecond();
        if (plainElapsedTime) {
            return Instant.ofEpochSecond(t);
        }
        LocalDate day = localDate(t).minusDays(1);
        for (int closedDays = 0; closedDays <= MAX_CLOSED_DAYS; day = day.plusDays(1)) {
            long[] ranges = openRanges(day);
            closedDays = ranges.length == 0 ? closedDays + 1 : 0;
            for (int i = 0; i < ranges.length; i += 2) {
                if (ranges[i + 1] > t) {
                    return Instant.ofEpochSecond(Math.max(ranges[i], t));
                }
            }
        }
        throw neverOpensAgain(instant);
    }

    /** True when business time passes at {@code instant}. */
    public boolean isOpen(Instant instant) {
        return nextOpen(instant).getEpochSecond() == instant.getEpochSecond();
    }

    /** Two opening intervals of a week that share time. */
    public record Overlap(
            DayOfWeek firstDay,
            OpeningInterval first,
            DayOfWeek secondDay,
            OpeningInterval second) {
        @Override
        public String toString() {
            return firstDay.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT)
                    + " "
                    + first
                    + " overlaps "
                    + secondDay.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT)
                    + " "
                    + second;
        }
    }

    /**
     * The first pair of weekly intervals that share time, in day and start order; an overnight
     * interval on Sunday reaches into Monday.
     */
    public static Optional<Overlap> firstOverlap(Map<DayOfWeek, List<OpeningInterval>> weekly) {
        int week = 7 * OpeningInterval.MINUTES_PER_DAY;
        List<DayOfWeek> days = new ArrayList<>();
        List<OpeningInterval> intervals = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (OpeningInterval interval : sorted(weekly.getOrDefault(day, List.of()))) {
                days.add(day);
                intervals.add(interval);
            }
        }
        for (int j = 1; j < intervals.size(); j++) {
            for (int i = 0; i < j; i++) {
                int a = weekMinute(days.get(i), intervals.get(i));
                int b = weekMinute(days.get(j), intervals.get(j));
                if (Math.floorMod(b - a, week) < intervals.get(i).lengthMinutes()
                        || Math.floorMod(a - b, week) < intervals.get(j).lengthMinutes()) {
                    return Optional.of(
                            new Overlap(
                                    days.get(i), intervals.get(i), days.get(j), intervals.get(j)));
                }
            }
        }
        return Optional.empty();
    }

    private static int weekMinute(DayOfWeek day, OpeningInterval interval) {
        return (day.getValue() - 1) * OpeningInterval.MINUTES_PER_DAY + interval.startMinute();
    }

    private record Walk(long reached, long consumed) {}

    /**
     * Consumes open time from {@code from} until {@code budget} seconds are used or {@code until}
     * is reached. Ranges are visited in start order and clipped to the cursor, so an overnight
     * range never counts twice with the next day's first range.
     */
    private Walk walk(long from, long until, long budget) {
        long cursor = from;
        long consumed = 0;
        LocalDate firstDay = localDate(from);
        LocalDate lastDay = localDate(until == Long.MAX_VALUE ? from : until);
        LocalDate day = firstDay.minusDays(1);
        int closedDays = 0;
        while (true) {
            // Whole regular weeks: only once the cursor is before every range of this day.
            if (day.isAfter(firstDay)) {
                long weeks = regularWeeksFrom(day);
                weeks = Math.min(weeks, (budget - consumed - 1) / weeklyOpenSeconds);
                if (until != Long.MAX_VALUE) {
                    weeks = Math.min(weeks, (ChronoUnit.DAYS.between(day, lastDay) - 1) / 7);
                }
                if (weeks > 0) {
                    consumed += weeks * weeklyOpenSeconds;
                    day = day.plusWeeks(weeks);
                    long[] previous = openRanges(day.minusDays(1));
                    if (previous.length > 0) {
                        cursor = Math.max(cursor, previous[previous.length - 1]);
                    }
                }
            }
            long[] ranges = openRanges(day);
            closedDays = ranges.length == 0 ? closedDays + 1 : 0;
            if (closedDays > MAX_CLOSED_DAYS) {
                throw neverOpensAgain(Instant.ofEpochSecond(from));
            }
            for (int i = 0; i < ranges.length; i += 2) {
                long begin = Math.max(ranges[i], cursor);
                long end = ranges[i + 1];
                if (end <= begin) {
                    continue;
                }
                if (begin >= until) {
                    return new Walk(until, consumed);
                }
                long available = Math.min(end, until) - begin;
                if (budget - consumed <= available) {
                    return new Walk(begin + (budget - consumed), budget);
                }
                consumed += available;
                cursor = begin + available;
                if (cursor >= until) {
                    return new Walk(until, consumed);
                }
            }
            day = day.plusDays(1);
            if (until != Long.MAX_VALUE && day.isAfter(lastDay)) {
                return new Walk(until, consumed);
            }
        }
    }

    /**
     * How many whole weeks from {@code day} have exactly {@code weeklyOpenSeconds}: none of their
     * days is a holiday or extra workday, no closure touches them and the zone's offset does not
     * change. {@link Long#MAX_VALUE} when no exception lies ahead.
     */
    private long regularWeeksFrom(LocalDate day) {
        LocalDate irregular = null;
        LocalDate holiday = holidays.ceiling(day);
        if (holiday != null) {
            irregular = holiday;
        }
        LocalDate extra = extraWorkdays.ceilingKey(day);
        if (extra != null) {
            irregular = earlier(irregular, extra);
        }
        LocalDateTime dayStart = day.atStartOfDay();
        for (Closure closure : closures) {
            if (closure.to().isAfter(dayStart)) {
                // An overnight range of the previous day can reach into the closure.
                irregular = earlier(irregular, closure.from().toLocalDate().minusDays(1));
                break;
            }
        }
        ZoneOffsetTransition transition =
                zone.getRules().nextTransition(startOfDay(day.minusDays(1)));
        if (transition != null) {
            LocalDate changeDay = LocalDate.ofInstant(transition.getInstant(), zone);
            irregular = earlier(irregular, changeDay.minusDays(1));
        }
        if (irregular == null) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, ChronoUnit.DAYS.between(day, irregular) / 7);
    }

    /**
     * The open ranges that belong to {@code day}, as epoch-second pairs {@code [start, end)} in
     * order, with closures cut out. Shared: callers never write into it.
     */
    long[] openRanges(LocalDate day) {
        DayRanges[] recent = recentDays;
        if (recent == null) {
            recent = recentDays = new DayRanges[RECENT_DAYS];
        }
        long epochDay = day.toEpochDay();
        int slot = (int) Math.floorMod(epochDay, (long) RECENT_DAYS);
        DayRanges known = recent[slot];
        if (known == null || known.epochDay() != epochDay) {
            known = new DayRanges(epochDay, rangesOf(day));
            recent[slot] = known;
        }
        return known.ranges();
    }

    /** {@link #openRanges}, worked out. */
    private long[] rangesOf(LocalDate day) {
        List<OpeningInterval> hours = extraWorkdays.get(day);
        if (hours == null) {
            hours = holidays.contains(day) ? List.of() : weekly.get(day.getDayOfWeek());
        }
        if (hours.isEmpty()) {
            return new long[0];
        }
        long[] ranges = new long[hours.size() * 2];
        int n = 0;
        for (OpeningInterval interval : hours) {
            long start = toEpochSecond(day, interval.startMinute());
            long end =
                    toEpochSecond(
                            interval.overnight() ? day.plusDays(1) : day, interval.endMinute());
            if (end > start) {
                ranges[n++] = start;
                ranges[n++] = end;
            }
        }
        if (closures.isEmpty()) {
            return n == ranges.length ? ranges : Arrays.copyOf(ranges, n);
        }
        return cutClosures(ranges, n);
    }

    private long[] cutClosures(long[] ranges, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i += 2) {
            long start = ranges[i];
            long end = ranges[i + 1];
            for (Closure closure : closures) {
                long closedFrom = ZonedDateTime.of(closure.from(), zone).toEpochSecond();
                long closedTo = ZonedDateTime.of(closure.to(), zone).toEpochSecond();
                if (closedTo <= start || closedFrom >= end) {
                    continue;
                }
                if (closedFrom > start) {
                    out.add(start);
                    out.add(closedFrom);
                }
                start = Math.max(start, closedTo);
                if (start >= end) {
                    break;
                }
            }
            if (start < end) {
                out.add(start);
                out.add(end);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private long toEpochSecond(LocalDate date, int minuteOfDay) {
        if (minuteOfDay == OpeningInterval.MINUTES_PER_DAY) {
            return startOfDay(date.plusDays(1)).getEpochSecond();
        }
        return ZonedDateTime.of(date, LocalTime.ofSecondOfDay(minuteOfDay * 60L), zone)
                .toEpochSecond();
    }

    private Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    private LocalDate localDate(long epochSecond) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static List<OpeningInterval> sorted(List<OpeningInterval> hours) {
        List<OpeningInterval> copy = new ArrayList<>(hours);
        copy.sort((a, b) -> Integer.compare(a.startMinute(), b.startMinute()));
        return List.copyOf(copy);
    }

    private IllegalStateException neverOpensAgain(Instant from) {
        return new IllegalStateException(
                "the calendar has no opening within "
                        + MAX_CLOSED_DAYS
                        + " days after "
                        + from
                        + ": check its holidays and closures");
    }

    @Override
    public String toString() {
        if (alwaysOpen) {
            return zone + ", always open";
        }
        return String.format(
                "%s, %s h/week, %d holiday(s), %d closure(s), %d extra workday(s)",
                zone,
                Duration.ofSeconds(weeklyOpenSeconds).toMinutes() / 60.0,
                holidays.size(),
                closures.size(),
                extraWorkdays.size());
    }
}

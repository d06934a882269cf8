package io.slawatch.calendar;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opening hours on one day, in local clock time, minute precision: {@code "09:00-12:00"}.
 *
 * <p>An end at or before the start ({@code "22:00-06:00"}) runs past midnight and belongs to the
 * day it starts; {@code "24:00"} is allowed as an end.
 */
public record OpeningInterval(int startMinute, int endMinute) implements Serializable {

    public static final int MINUTES_PER_DAY = 24 * 60;

    private static final Pattern FORMAT = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    public OpeningInterval {
        if (startMinute < 0 || startMinute >= MINUTES_PER_DAY) {
            throw new IllegalArgumentException("start must be 00:00 to 23:59");
        }
        if (endMinute < 0 || endMinute > MINUTES_PER_DAY) {
            throw new IllegalArgumentException("end must be 00:00 to 24:00");
        }
        if (startMinute == endMinute) {
            throw new IllegalArgumentException(
                    "start and end are equal; a whole day is written 00:00-24:00");
        }
    }

    /** Parses {@code HH:MM-HH:MM}; the message of the exception says what is wrong. */
    public static OpeningInterval parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected HH:MM-HH:MM, e.g. 09:00-18:00");
        }
        int startHour = Integer.parseInt(m.group(1));
        int startMin = Integer.parseInt(m.group(2));
        int endHour = Integer.parseInt(m.group(3));
        int endMin = Integer.parseInt(m.group(4));
        if (startHour > 23 || startMin > 59) {
            throw new IllegalArgumentException("start must be 00:00 to 23:59");
        }
        if (endHour > 24 || endMin > 59 || (endHour == 24 && endMin != 0)) {
            throw new IllegalArgumentException("end must be 00:00 to 24:00");
        }
        return new OpeningInterval(startHour * 60 + startMin, endHour * 60 + endMin);
    }

    /** True when the interval runs past midnight into the next day. */
    public boolean overnight() {
        return endMinute <= startMinute;
    }

    /** Nominal length in minutes, ignoring daylight-saving shifts. */
    public int lengthMinutes() {
        return overnight() ? MINUTES_PER_DAY - startMinute + endMinute : endMinute - startMinute;
    }

    @Override
    public String toString() {
        return String.format(
                "%02d:%02d-%02d:%02d",
                startMinute / 60, startMinute % 60, endMinute / 60, endMinute % 60);
    }
}

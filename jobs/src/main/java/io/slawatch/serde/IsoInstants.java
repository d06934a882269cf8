package io.slawatch.serde;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@link Instant#toString()}'s ISO-8601 text, written and read without {@code DateTimeFormatter}:
 * every event carries an instant and every alert, clock view and statistics bucket several, and the
 * formatter took a tenth of detection's time writing them and as much again reading them (JFR,
 * Kafka to Kafka). Anything but the common form falls back to the JDK, which decides.
 */
public final class IsoInstants {

    private static final long SECONDS_PER_DAY = 86_400;
    // 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    private static final long MIN_SECOND = -62_167_219_200L;
    private static final long MAX_SECOND = 253_402_300_799L;

    private IsoInstants() {}

    /** Exactly {@code instant.toString()}. */
    public static String format(Instant instant) {
        char[] text = new char[30];
        int length = write(instant, text);
        return length < 0 ? instant.toString() : new String(text, 0, length);
    }

    /**
     * Writes {@code instant.toString()} into {@code text} (at least 30 chars) and returns its
     * length, or -1 for a year outside 0000–9999 (then nothing is written).
     */
    public static int write(Instant instant, char[] text) {
        long second = instant.getEpochSecond();
        if (second < MIN_SECOND || second > MAX_SECOND) {
            return -1;
        }
        long day = Math.floorDiv(second, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(second, SECONDS_PER_DAY);
        // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted).
        long shifted = day + 719_468;
        long era = Math.floorDiv(shifted, 146_097);
        int dayOfEra = (int) (shifted - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthIndex = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, month, 2);
        text[7] = '-';
        digits(text, 8, dayOfMonth, 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        int length = 19;
        int nano = instant.getNano();
        if (nano > 0) {
            text[length++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(text, length, nano / 1_000_000, 3);
                length += 3;
            } else if (nano % 1_000 == 0) {
                digits(text, length, nano / 1_000, 6);
                length += 6;
            } else {
                digits(text, length, nano, 9);
                length += 9;
            }
        }
        text[length++] = 'Z';
        return length;
    }

    /**
     * Exactly {@code OffsetDateTime.parse(text).toInstant()}: the common form {@code
     * yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:mm)} is read here, anything else (other case, no
     * seconds, other offsets, a field out of range) by the JDK, which also throws its exception.
     *
     * @throws DateTimeParseException when {@code text} is not an ISO-8601 instant with offset
     */
    public static Instant parse(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return slowly(text);
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > daysIn(year, month)
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return slowly(text);
        }
        int at = 19;
        int nano = 0;
        if (text.charAt(at) == '.') {
            int digits = 0;
            at++;
            while (at < length && digits < 10) {
                char c = text.charAt(at);
                if (c < '0' || c > '9') {
                    break;
                }
                nano = nano * 10 + (c - '0');
                digits++;
                at++;
            }
            if (digits == 0 || digits > 9) {
                return slowly(text);
            }
            for (int i = digits; i < 9; i++) {
                nano *= 10;
            }
        }
        int offsetSeconds;
        if (at == length - 1 && text.charAt(at) == 'Z') {
            offsetSeconds = 0;
        } else if (at == length - 6
                && (text.charAt(at) == '+' || text.charAt(at) == '-')
                && text.charAt(at + 3) == ':') {
            int offsetHours = number(text, at + 1, 2);
            int offsetMinutes = number(text, at + 4, 2);
            if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
                return slowly(text);
            }
            offsetSeconds =
                    (text.charAt(at) == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        } else {
            return slowly(text);
        }
        long epochSecond =
                daysSinceEpoch(year, month, day) * SECONDS_PER_DAY
                        + hour * 3600L
                        + minute * 60L
                        + second
                        - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nano);
    }

    private static Instant slowly(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    /** The decimal number of {@code width} digits at {@code at}, or -1 if one is not a digit. */
    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 1970-01-01 to a civil date (H. Hinnant's days_from_civil). */
    private static long daysSinceEpoch(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        int yearOfEra = (int) (y - era * 400);
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}

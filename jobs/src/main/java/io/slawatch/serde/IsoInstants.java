package io.slawatch.serde;

import java.time.Instant;

/**
 * {@link Instant#toString()}'s ISO-8601 text, written without {@code DateTimeFormatter}: every
 * alert, clock view and statistics bucket carries several instants, and the formatter took a tenth
 * of detection's time (JFR, Kafka to Kafka). Years outside 0000–9999 fall back to the JDK.
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

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}

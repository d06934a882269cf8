package io.slawatch.calendar;

import io.slawatch.policy.CalendarLoader;
import io.slawatch.policy.PolicyException;

/** Calendar fixtures for the arithmetic tests, each written as a person would write it. */
final class Calendars {

    /** The default policy's office: Mon–Fri 09–12 and 13–18, Golden Week, a make-up Saturday. */
    static final String SHANGHAI_OFFICE_YAML =
            """
            timeZone: Asia/Shanghai
            weekly:
              mon: ["09:00-12:00", "13:00-18:00"]
              tue: ["09:00-12:00", "13:00-18:00"]
              wed: ["09:00-12:00", "13:00-18:00"]
              thu: ["09:00-12:00", "13:00-18:00"]
              fri: ["09:00-12:00", "13:00-18:00"]
            holidays: [2026-01-01, 2026-10-01, 2026-10-02, 2026-10-03, 2026-10-04,
                       2026-10-05, 2026-10-06, 2026-10-07]
            closures: ["2026-12-31T12:00/2026-12-31T18:00"]
            extraWorkdays: {2026-10-10: ["09:00-12:00", "13:00-18:00"]}
            """;

    static final BusinessCalendar SHANGHAI_OFFICE = parse(SHANGHAI_OFFICE_YAML);

    /** Night shift Mon–Thu 22:00–06:00 and Fri 22:00–24:00; Tuesday 2026-11-24 is a holiday. */
    static final BusinessCalendar SHANGHAI_NIGHT_SHIFT =
            parse(
                    """
                    timeZone: Asia/Shanghai
                    weekly:
                      mon: ["22:00-06:00"]
                      tue: ["22:00-06:00"]
                      wed: ["22:00-06:00"]
                      thu: ["22:00-06:00"]
                      fri: ["22:00-24:00"]
                    holidays: [2026-11-24]
                    """);

    static final BusinessCalendar NEW_YORK_24X7 =
            parse("timeZone: America/New_York\nalwaysOpen: true\n");

    /** Every day 00:00–04:00 local, across both DST changes of 2026 (Mar 8, Nov 1). */
    static final BusinessCalendar NEW_YORK_SMALL_HOURS =
            parse(everyDay("America/New_York", "00:00-04:00"));

    /** Every day 02:30–03:30 local: on 2026-03-08 the whole interval falls in the DST gap. */
    static final BusinessCalendar NEW_YORK_GAP_HOUR =
            parse(everyDay("America/New_York", "02:30-03:30"));

    static final BusinessCalendar NEW_YORK_OFFICE =
            parse(weekdays("America/New_York", "09:00-17:00"));

    static final BusinessCalendar BERLIN_24X7 =
            parse("timeZone: Europe/Berlin\nalwaysOpen: true\n");

    /** Every day 01:00–05:00 local, across 2026-03-29 and 2026-10-25. */
    static final BusinessCalendar BERLIN_SMALL_HOURS =
            parse(everyDay("Europe/Berlin", "01:00-05:00"));

    /** UTC+09:30 / +10:30: DST ends 2026-04-05 03:00 and starts 2026-10-04 02:00. */
    static final BusinessCalendar ADELAIDE_24X7 =
            parse("timeZone: Australia/Adelaide\nalwaysOpen: true\n");

    static final BusinessCalendar ADELAIDE_EARLY_SHIFT =
            parse(everyDay("Australia/Adelaide", "00:00-06:00"));

    /** UTC+05:30 without DST, Mon–Sat 10:00–19:00 (54 h a week). */
    static final BusinessCalendar KOLKATA_MON_SAT =
            parse(
                    """
                    timeZone: Asia/Kolkata
                    weekly:
                      mon: ["10:00-19:00"]
                      tue: ["10:00-19:00"]
                      wed: ["10:00-19:00"]
                      thu: ["10:00-19:00"]
                      fri: ["10:00-19:00"]
                      sat: ["10:00-19:00"]
                    """);

    private Calendars() {}

    static String everyDay(String zone, String interval) {
        StringBuilder yaml = new StringBuilder("timeZone: " + zone + "\nweekly:\n");
        for (String day : new String[] {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}) {
            yaml.append("  ").append(day).append(": [\"").append(interval).append("\"]\n");
        }
        return yaml.toString();
    }

    static String weekdays(String zone, String interval) {
        StringBuilder yaml = new StringBuilder("timeZone: " + zone + "\nweekly:\n");
        for (String day : new String[] {"mon", "tue", "wed", "thu", "fri"}) {
            yaml.append("  ").append(day).append(": [\"").append(interval).append("\"]\n");
        }
        return yaml.toString();
    }

    static BusinessCalendar parse(String yaml) {
        try {
            return CalendarLoader.parse("fixture.yaml", yaml);
        } catch (PolicyException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}

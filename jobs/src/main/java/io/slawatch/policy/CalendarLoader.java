package io.slawatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.calendar.BusinessCalendar.Closure;
import io.slawatch.calendar.OpeningInterval;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a calendar, standalone or inside a policy:
 *
 * <pre>
 * timeZone: Asia/Shanghai
 * weekly:                 # or:  alwaysOpen: true
 *   mon: ["09:00-12:00", "13:00-18:00"]
 *   sun: ["22:00-06:00"]  # past midnight: belongs to the day it starts
 * holidays: [2026-10-01]
 * closures: ["2026-12-31T12:00/2026-12-31T18:00"]
 * extraWorkdays: {2026-10-10: ["09:00-18:00"]}
 * </pre>
 */
public final class CalendarLoader {

    static final Set<String> KEYS =
            Set.of("timeZone", "alwaysOpen", "weekly", "holidays", "closures", "extraWorkdays");

    /** Weekday keys in file order, mon … sun. */
    static final Map<String, DayOfWeek> DAYS = new LinkedHashMap<>();

    static {
        for (DayOfWeek day : DayOfWeek.values()) {
            DAYS.put(dayKey(day), day);
        }
    }

    private CalendarLoader() {}

    /** Loads a standalone calendar file. */
    public static BusinessCalendar load(Path file) throws PolicyException {
        String text = LocatedYaml.readFile(file);
        return parse(file.toString(), text);
    }

    /** Parses a standalone calendar document. */
    public static BusinessCalendar parse(String file, String text) throws PolicyException {
        LocatedYaml doc = LocatedYaml.parse(file, text);
        Fields fields = new Fields(doc);
        BusinessCalendar calendar = read(fields, "", doc.root(), "the calendar");
        if (!fields.problems().isEmpty()) {
            throw new PolicyException(fields.problems());
        }
        return calendar;
    }

    /** Reads the calendar at {@code pointer}; null when it has problems (they are in fields). */
    static BusinessCalendar read(Fields fields, String pointer, JsonNode node, String what) {
        if (!fields.mapping(pointer, node, what, KEYS)) {
            return null;
        }
        int before = fields.problems().size();
        String zoneText = fields.text(pointer, node, "timeZone", true, "Asia/Shanghai");
        ZoneId zone =
                zoneText == null
                        ? null
                        : fields.zone(LocatedYaml.child(pointer, "timeZone"), zoneText);

        boolean alwaysOpen = false;
        String alwaysOpenText = fields.text(pointer, node, "alwaysOpen", false, "true");
        if (alwaysOpenText != null) {
            if (!alwaysOpenText.equals("true") && !alwaysOpenText.equals("false")) {
                fields.fail(
                        LocatedYaml.child(pointer, "alwaysOpen"),
                        "alwaysOpen must be true or false",
                        "write 'alwaysOpen: true' or remove it");
            }
            alwaysOpen = alwaysOpenText.equals("true");
        }

        Map<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        JsonNode weeklyNode = node.get("weekly");
        String weeklyPointer = LocatedYaml.child(pointer, "weekly");
        if (alwaysOpen && weeklyNode != null) {
            fields.fail(
                    weeklyPointer,
                    "a calendar is either alwaysOpen or has weekly hours, not both",
                    "remove 'weekly' or 'alwaysOpen'");
        } else if (weeklyNode != null
                && fields.mapping(weeklyPointer, weeklyNode, "weekly", DAYS.keySet())) {
            for (Iterator<String> names = weeklyNode.fieldNames(); names.hasNext(); ) {
                String day = names.next();
                String dayPointer = LocatedYaml.child(weeklyPointer, day);
                weekly.put(DAYS.get(day), intervals(fields, dayPointer, weeklyNode.get(day)));
            }
            Optional<BusinessCalendar.Overlap> overlap = BusinessCalendar.firstOverlap(weekly);
            overlap.ifPresent(
                    o ->
                            fields.fail(
                                    LocatedYaml.child(weeklyPointer, dayKey(o.secondDay())),
                                    "overlapping opening intervals: " + o,
                                    "make the intervals disjoint or merge them into one"));
        }
        if (!alwaysOpen && weekly.values().stream().allMatch(List::isEmpty)) {
            fields.fail(
                    weeklyNode == null ? pointer : weeklyPointer,
                    what + " is never open: it has no weekly opening hours",
                    "add opening hours under 'weekly' (e.g. mon: [\"09:00-18:00\"]) or set"
                            + " 'alwaysOpen: true'");
        }

        TreeSet<LocalDate> holidays = new TreeSet<>();
        List<JsonNode> holidayNodes = fields.sequence(node.get("holidays"));
        for (int i = 0; i < holidayNodes.size(); i++) {
            String at =
                    LocatedYaml.child(pointer, "holidays")
                            + (node.get("holidays").isArray() ? "/" + i : "");
            LocalDate date = fields.date(at, holidayNodes.get(i).asText());
            if (date != null && !holidays.add(date)) {
                fields.fail(at, "holiday " + date + " is listed twice", "remove the repeat");
            }
        }

        List<Closure> closures = new ArrayList<>();
        List<JsonNode> closureNodes = fields.sequence(node.get("closures"));
        for (int i = 0; i < closureNodes.size(); i++) {
            String at =
                    LocatedYaml.child(pointer, "closures")
                            + (node.get("closures").isArray() ? "/" + i : "");
            Closure closure =
                    fields.parse(
                            at,
                            closureNodes.get(i).asText(),
                            CalendarLoader::closure,
                            "a closure",
                            "write a local date-time range such as"
                                    + " 2026-12-31T12:00/2026-12-31T18:00");
            if (closure != null) {
                closures.add(closure);
            }
        }

        TreeMap<LocalDate, List<OpeningInterval>> extraWorkdays = new TreeMap<>();
        JsonNode extraNode = node.get("extraWorkdays");
        String extraPointer = LocatedYaml.child(pointer, "extraWorkdays");
        if (alwaysOpen && extraNode != null) {
            // Every day of an always-open calendar is a whole working day: an extra one would
            // either change nothing or, with stated hours, shorten that day.
            fields.fail(
                    extraPointer,
                    "an alwaysOpen calendar has no closed day to make up: every day is open all day",
                    "remove 'extraWorkdays', or replace 'alwaysOpen: true' with 'weekly' opening"
                            + " hours");
        } else if (extraNode != null && !extraNode.isNull()) {
            if (!extraNode.isObject()) {
                fields.fail(
                        extraPointer,
                        "extraWorkdays must map dates to opening intervals",
                        "write e.g. '2026-10-10: [\"09:00-18:00\"]'");
            } else {
                for (Iterator<String> names = extraNode.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    String at = LocatedYaml.child(extraPointer, name);
                    LocalDate date = fields.date(at, name);
                    List<OpeningInterval> hours = intervals(fields, at, extraNode.get(name));
                    if (date != null) {
                        if (hours.isEmpty()) {
                            fields.fail(
                                    at,
                                    "extra workday " + date + " has no opening interval",
                                    "give its hours, e.g. [\"09:00-18:00\"], or list it under"
                                            + " holidays");
                        }
                        BusinessCalendar.firstOverlap(Map.of(date.getDayOfWeek(), hours))
                                .ifPresent(
                                        o ->
                                                fields.fail(
                                                        at,
                                                        "overlapping opening intervals on "
                                                                + date
                                                                + ": "
                                                                + o.first()
                                                                + " and "
                                                                + o.second(),
                                                        "make the intervals disjoint"));
                        extraWorkdays.put(date, hours);
                    }
                }
            }
        }

        if (fields.problems().size() > before || zone == null) {
            return null;
        }
        return BusinessCalendar.of(zone, alwaysOpen, weekly, holidays, closures, extraWorkdays);
    }

    private static List<OpeningInterval> intervals(Fields fields, String pointer, JsonNode node) {
        List<OpeningInterval> hours = new ArrayList<>();
        List<JsonNode> items = fields.sequence(node);
        for (int i = 0; i < items.size(); i++) {
            String at = node.isArray() ? pointer + "/" + i : pointer;
            OpeningInterval interval =
                    fields.parse(
                            at,
                            items.get(i).asText(),
                            OpeningInterval::parse,
                            "an opening interval",
                            "write HH:MM-HH:MM, e.g. \"09:00-18:00\"; 24:00 ends a day, and"
                                    + " \"22:00-06:00\" runs past midnight");
            if (interval != null) {
                hours.add(interval);
            }
        }
        return hours;
    }

    private static Closure closure(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("expected FROM/TO");
        }
        return new Closure(
                LocalDateTime.parse(text.substring(0, slash).trim()),
                LocalDateTime.parse(text.substring(slash + 1).trim()));
    }

    static String dayKey(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT);
    }
}

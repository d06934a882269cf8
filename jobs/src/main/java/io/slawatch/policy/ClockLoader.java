package io.slawatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads one clock of a policy: the events that drive it, the tickets it applies to, its targets
 * (proved to cover every ticket it applies to exactly once), warnings and escalations.
 */
final class ClockLoader {

    static final Set<String> CLOCK_KEYS =
            Set.of(
                    "start",
                    "stop",
                    "pause",
                    "resume",
                    "restart",
                    "renew",
                    "applies",
                    "requireEta",
                    "calendar",
                    "targets",
                    "warnings",
                    "escalations");
    static final String WORKING_DAYS = "workingDays";
    static final Set<String> TARGET_KEYS =
            Set.of("channel", "priority", "complexity", "target", WORKING_DAYS, "calendar");
    static final Set<String> APPLIES_KEYS = Set.of("channel", "priority", "complexity", "onsite");
    static final Set<String> WARNING_KEYS = Set.of("before", "elapsed");
    static final Set<String> ESCALATION_KEYS = Set.of("level", "after");

    /** Events that end every clock of a ticket, so none can start one. */
    static final Set<EventType> ENDING_EVENTS = EnumSet.of(EventType.CLOSED, EventType.CANCELLED);

    /** The most working days a target may name (a longer promise is not a working-day one). */
    static final int MAX_WORKING_DAYS = 60;

    /** How many missing target combinations are listed before the rest are counted. */
    private static final int MISSING_COMBINATIONS_LISTED = 3;

    private ClockLoader() {}

    /** The clock {@code clock} defined at {@code pointer}, or null after reporting its problems. */
    static ClockPolicy read(
            Fields fields,
            String pointer,
            ClockType clock,
            JsonNode node,
            Map<String, BusinessCalendar> calendars) {
        String what = "clock " + clock;
        if (!fields.mapping(pointer, node, what, CLOCK_KEYS)) {
            return null;
        }
        int before = fields.problems().size();
        Set<EventType> start = events(fields, pointer, node, "start", true);
        for (EventType type : start) {
            if (ENDING_EVENTS.contains(type)) {
                fields.fail(
                        LocatedYaml.child(pointer, "start"),
                        type + " cannot start a clock: it ends every clock of the ticket",
                        "start a clock on CREATED or on the event that makes the promise,"
                                + " e.g. COMPLAINT");
            }
        }
        Set<EventType> stop = events(fields, pointer, node, "stop", true);
        Set<EventType> both = EnumSet.noneOf(EventType.class);
        both.addAll(start);
        both.retainAll(stop);
        if (!both.isEmpty()) {
            fields.fail(
                    LocatedYaml.child(pointer, "stop"),
                    both + " both starts and stops " + what,
                    "an event either starts or stops a clock");
        }
        Set<EventType> pause = events(fields, pointer, node, "pause", false);
        Set<EventType> resume = events(fields, pointer, node, "resume", false);
        if (pause.isEmpty() != resume.isEmpty()) {
            fields.fail(
                    LocatedYaml.child(pointer, pause.isEmpty() ? "resume" : "pause"),
                    what
                            + " has "
                            + (pause.isEmpty() ? "resume" : "pause")
                            + " events but no "
                            + (pause.isEmpty() ? "pause" : "resume")
                            + " events",
                    "give both 'pause' and 'resume', e.g. pause: [PAUSED] and resume: [RESUMED]");
        }
        Set<EventType> restart = events(fields, pointer, node, "restart", false);
        Set<EventType> renew = events(fields, pointer, node, "renew", false);
        for (EventType type : renew) {
            if (stop.contains(type) || start.contains(type) || ENDING_EVENTS.contains(type)) {
                fields.fail(
                        LocatedYaml.child(pointer, "renew"),
                        type + " renews " + what + ", so it cannot also start or end it",
                        "list " + type + " under 'renew' only");
            }
        }

        ClockApplies applies = readApplies(fields, pointer, node.get("applies"));

        Set<Complexity> requireEta = EnumSet.noneOf(Complexity.class);
        List<JsonNode> etaNodes = fields.sequence(node.get("requireEta"));
        for (JsonNode eta : etaNodes) {
            Complexity complexity =
                    fields.enumValue(
                            LocatedYaml.child(pointer, "requireEta"),
                            eta.asText(),
                            Complexity.class,
                            "complexity");
            if (complexity != null) {
                requireEta.add(complexity);
            }
        }

        String defaultCalendar = fields.text(pointer, node, "calendar", false, "24x7");
        if (defaultCalendar != null) {
            knownCalendar(
                    fields, LocatedYaml.child(pointer, "calendar"), defaultCalendar, calendars);
        }

        List<TargetRule> targets = new ArrayList<>();
        List<String> targetPointers = new ArrayList<>();
        JsonNode targetsNode = node.get("targets");
        String targetsPointer = LocatedYaml.child(pointer, "targets");
        if (targetsNode == null || !targetsNode.isArray() || targetsNode.isEmpty()) {
            fields.fail(
                    targetsNode == null ? pointer : targetsPointer,
                    what + " needs a list of targets",
                    "add 'targets:' with items such as '- {channel: PHONE, target: PT30S}'");
        } else {
            for (int i = 0; i < targetsNode.size(); i++) {
                String at = targetsPointer + "/" + i;
                TargetRule rule =
                        readTarget(fields, at, targetsNode.get(i), defaultCalendar, calendars);
                if (rule != null) {
                    targets.add(rule);
                    targetPointers.add(at);
                }
            }
            if (fields.problems().size() == before && applies != null) {
                checkCoverage(fields, what, targetsPointer, targets, targetPointers, applies);
            }
        }

        List<Warning> warnings = new ArrayList<>();
        List<JsonNode> warningNodes = fields.sequence(node.get("warnings"));
        for (int i = 0; i < warningNodes.size(); i++) {
            String at = LocatedYaml.child(pointer, "warnings") + "/" + i;
            Warning warning = readWarning(fields, at, warningNodes.get(i));
            if (warning != null) {
                warnings.add(warning);
            }
        }

        if (warnings.size() > ClockPolicy.MAX_WARNINGS) {
            fields.fail(
                    LocatedYaml.child(pointer, "warnings"),
                    what + " has " + warnings.size() + " warnings",
                    "keep at most " + ClockPolicy.MAX_WARNINGS);
        }

        List<Escalation> escalations = new ArrayList<>();
        Set<Integer> levels = new HashSet<>();
        List<JsonNode> escalationNodes = fields.sequence(node.get("escalations"));
        for (int i = 0; i < escalationNodes.size(); i++) {
            String at = LocatedYaml.child(pointer, "escalations") + "/" + i;
            Escalation escalation = readEscalation(fields, at, escalationNodes.get(i));
            if (escalation != null) {
                if (!levels.add(escalation.level())) {
                    fields.fail(
                            at,
                            "escalation level " + escalation.level() + " is defined twice",
                            "give each level once");
                }
                escalations.add(escalation);
            }
        }

        if (fields.problems().size() > before) {
            return null;
        }
        return new ClockPolicy(
                clock,
                start,
                stop,
                pause,
                resume,
                restart,
                renew,
                applies,
                requireEta,
                targets,
                warnings,
                escalations);
    }

    private static TargetRule readTarget(
            Fields fields,
            String pointer,
            JsonNode node,
            String defaultCalendar,
            Map<String, BusinessCalendar> calendars) {
        if (!fields.mapping(pointer, node, "a target", TARGET_KEYS)) {
            return null;
        }
        int before = fields.problems().size();
        Set<Channel> channels = values(fields, pointer, node, "channel", Channel.class);
        Set<Priority> priorities = values(fields, pointer, node, "priority", Priority.class);
        Set<Complexity> complexities =
                values(fields, pointer, node, "complexity", Complexity.class);
        Duration target = null;
        int workingDays = 0;
        if (node.has("target") == node.has(WORKING_DAYS)) {
            fields.fail(
                    pointer,
                    "a target has exactly one of 'target' (business time) or '"
                            + WORKING_DAYS
                            + "'",
                    "write e.g. 'target: PT30M', or 'workingDays: 2' for the end of the second"
                            + " working day after the clock starts");
        } else if (node.has("target")) {
            String targetText = fields.text(pointer, node, "target", true, "PT30M");
            target =
                    targetText == null
                            ? null
                            : fields.positiveDuration(
                                    LocatedYaml.child(pointer, "target"), targetText);
        } else {
            workingDays = workingDays(fields, LocatedYaml.child(pointer, WORKING_DAYS), node);
        }
        String calendar = fields.text(pointer, node, "calendar", false, "24x7");
        if (calendar != null) {
            knownCalendar(fields, LocatedYaml.child(pointer, "calendar"), calendar, calendars);
        } else if (defaultCalendar == null) {
            fields.fail(
                    pointer,
                    "this target has no calendar",
                    "add 'calendar: NAME' to the target or to its clock");
        } else {
            calendar = defaultCalendar;
        }
        if (fields.problems().size() > before) {
            return null;
        }
        int line = fields.doc().problem(pointer, "", null).line();
        return new TargetRule(
                channels, priorities, complexities, target, workingDays, calendar, line);
    }

    /** Every channel × priority × complexity has exactly one most specific matching rule. */
    private static void checkCoverage(
            Fields fields,
            String what,
            String targetsPointer,
            List<TargetRule> targets,
            List<String> pointers,
            ClockApplies applies) {
        List<String> missing = new ArrayList<>();
        Set<Integer> reportedAmbiguities = new HashSet<>();
        for (Channel channel : Channel.values()) {
            for (Priority priority : Priority.values()) {
                for (Complexity complexity : Complexity.values()) {
                    if (!applies.admits(channel, priority, complexity)) {
                        continue;
                    }
                    int best = -1;
                    int bestIndex = -1;
                    int tiedIndex = -1;
                    for (int i = 0; i < targets.size(); i++) {
                        TargetRule rule = targets.get(i);
                        if (!rule.matches(channel, priority, complexity)) {
                            continue;
                        }
                        if (rule.specificity() > best) {
                            best = rule.specificity();
                            bestIndex = i;
                            tiedIndex = -1;
                        } else if (rule.specificity() == best) {
                            tiedIndex = i;
                        }
                    }
                    String combination =
                            "channel="
                                    + channel
                                    + " priority="
                                    + priority
                                    + " complexity="
                                    + complexity;
                    if (bestIndex < 0) {
                        missing.add(combination);
                    } else if (tiedIndex >= 0 && reportedAmbiguities.add(tiedIndex)) {
                        fields.fail(
                                pointers.get(tiedIndex),
                                what
                                        + ": this target and the one on line "
                                        + targets.get(bestIndex).line()
                                        + " both match "
                                        + combination
                                        + " equally",
                                "make one of them more specific, or merge them");
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            int more = missing.size() - MISSING_COMBINATIONS_LISTED;
            fields.fail(
                    targetsPointer,
                    what
                            + " has no target for "
                            + String.join(
                                    "; ",
                                    missing.subList(
                                            0,
                                            Math.min(missing.size(), MISSING_COMBINATIONS_LISTED)))
                            + (more > 0 ? " and " + more + " more combination(s)" : ""),
                    "add a target for them, or a catch-all target that names fewer attributes");
        }
    }

    private static Warning readWarning(Fields fields, String pointer, JsonNode node) {
        if (!fields.mapping(pointer, node, "a warning", WARNING_KEYS)) {
            return null;
        }
        if (node.size() != 1) {
            fields.fail(
                    pointer,
                    "a warning has exactly one of 'before' or 'elapsed'",
                    "write '- before: PT1H' or '- elapsed: 75%' as separate warnings");
            return null;
        }
        String before = fields.text(pointer, node, "before", false, "PT1H");
        if (before != null) {
            Duration lead = fields.positiveDuration(LocatedYaml.child(pointer, "before"), before);
            return lead == null ? null : new Warning(lead, null);
        }
        String elapsedText = fields.text(pointer, node, "elapsed", true, "75%");
        if (elapsedText == null) {
            return null;
        }
        String at = LocatedYaml.child(pointer, "elapsed");
        Percent elapsed = fields.percent(at, elapsedText);
        if (elapsed == null) {
            return null;
        }
        if (elapsed.isZero() || elapsed.basisPoints() >= 10_000) {
            fields.fail(
                    at,
                    "a warning at " + elapsed + " elapsed is not before the deadline",
                    "use a share between 0% and 100%, e.g. 75%");
            return null;
        }
        return new Warning(null, elapsed);
    }

    private static Escalation readEscalation(Fields fields, String pointer, JsonNode node) {
        if (!fields.mapping(pointer, node, "an escalation", ESCALATION_KEYS)) {
            return null;
        }
        String levelText = fields.text(pointer, node, "level", true, "2");
        String afterText = fields.text(pointer, node, "after", true, "100%");
        if (levelText == null || afterText == null) {
            return null;
        }
        int level;
        try {
            level = Integer.parseInt(levelText);
        } catch (NumberFormatException e) {
            level = -1;
        }
        if (level > ClockPolicy.MAX_ESCALATION_LEVEL) {
            fields.fail(
                    LocatedYaml.child(pointer, "level"),
                    "escalation level "
                            + level
                            + " is above the highest level "
                            + ClockPolicy.MAX_ESCALATION_LEVEL,
                    "use levels from 2 to " + ClockPolicy.MAX_ESCALATION_LEVEL);
            return null;
        }
        if (level < 2) {
            fields.fail(
                    LocatedYaml.child(pointer, "level"),
                    "escalation level '" + levelText + "' is not a whole number from 2 up",
                    "level 1 is BREACHED at the deadline; escalations start at level 2");
            return null;
        }
        String at = LocatedYaml.child(pointer, "after");
        if (afterText.trim().endsWith("%")) {
            Percent share = fields.percent(at, afterText);
            if (share == null) {
                return null;
            }
            if (share.isZero()) {
                fields.fail(at, "an escalation must come after the deadline", "use e.g. 100%");
                return null;
            }
            return new Escalation(level, share, null);
        }
        Duration delay = fields.positiveDuration(at, afterText);
        return delay == null ? null : new Escalation(level, null, delay);
    }

    private static void knownCalendar(
            Fields fields, String pointer, String name, Map<String, BusinessCalendar> calendars) {
        if (!calendars.containsKey(name)) {
            String nearest = Fields.nearest(name, calendars.keySet());
            fields.fail(
                    pointer,
                    "unknown calendar '" + name + "'",
                    (nearest == null ? "" : "did you mean '" + nearest + "'? ")
                            + "calendars defined: "
                            + String.join(", ", calendars.keySet()));
        }
    }

    private static Set<EventType> events(
            Fields fields, String pointer, JsonNode node, String name, boolean required) {
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        JsonNode value = node.get(name);
        String at = LocatedYaml.child(pointer, name);
        if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
            if (required) {
                fields.fail(
                        pointer,
                        "missing '" + name + "' events",
                        "add e.g. '"
                                + name
                                + ": ["
                                + (name.equals("start") ? "CREATED" : "RESOLVED")
                                + "]'");
            }
            return events;
        }
        for (JsonNode item : fields.sequence(value)) {
            EventType type = fields.enumValue(at, item.asText(), EventType.class, "event type");
            if (type != null) {
                events.add(type);
            }
        }
        return events;
    }

    private static <E extends Enum<E>> Set<E> values(
            Fields fields, String pointer, JsonNode node, String name, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        String at = LocatedYaml.child(pointer, name);
        for (JsonNode item : fields.sequence(node.get(name))) {
            E value = fields.enumValue(at, item.asText(), type, name);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static ClockApplies readApplies(Fields fields, String clockPointer, JsonNode node) {
        String pointer = LocatedYaml.child(clockPointer, "applies");
        if (node == null || node.isNull()) {
            return ClockApplies.ALL;
        }
        if (!fields.mapping(pointer, node, "applies", APPLIES_KEYS)) {
            return null;
        }
        int before = fields.problems().size();
        Set<Channel> channels = values(fields, pointer, node, "channel", Channel.class);
        Set<Priority> priorities = values(fields, pointer, node, "priority", Priority.class);
        Set<Complexity> complexities =
                values(fields, pointer, node, "complexity", Complexity.class);
        Boolean onsite = null;
        String onsiteText = fields.text(pointer, node, "onsite", false, "true");
        if (onsiteText != null) {
            if (!onsiteText.equals("true") && !onsiteText.equals("false")) {
                fields.fail(
                        LocatedYaml.child(pointer, "onsite"),
                        "onsite must be true or false",
                        "write 'onsite: true' for tickets that need a technician on site");
            }
            onsite = onsiteText.equals("true");
        }
        return fields.problems().size() > before
                ? null
                : new ClockApplies(channels, priorities, complexities, onsite);
    }

    private static int workingDays(Fields fields, String pointer, JsonNode node) {
        String text = node.get(WORKING_DAYS).asText();
        int days;
        try {
            days = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 1 || days > MAX_WORKING_DAYS) {
            fields.fail(
                    pointer,
                    "'" + text + "' is not a number of working days from 1 to " + MAX_WORKING_DAYS,
                    "write e.g. 'workingDays: 2'");
            return 0;
        }
        return days;
    }
}

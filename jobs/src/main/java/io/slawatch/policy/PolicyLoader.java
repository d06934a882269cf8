package io.slawatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads and validates an SLA policy file. Every rule a file breaks is reported with its file, line
 * and column, the reason and a fix; a policy that loads is complete (every ticket combination has
 * exactly one target) and safe (every calendar opens).
 */
public final class PolicyLoader {

    static final String REPORT = "report";
    static final Set<String> KEYS =
            Set.of(
                    "version",
                    "calendars",
                    "clocks",
                    "peaks",
                    "retention",
                    ConsequencesLoader.SECTION,
                    PredictionLoader.SECTION,
                    REPORT);
    static final Set<String> CLOCK_KEYS =
            Set.of(
                    "start",
                    "stop",
                    "pause",
                    "resume",
                    "restart",
                    "onsiteOnly",
                    "requireEta",
                    "calendar",
                    "targets",
                    "warnings",
                    "escalations");
    static final Set<String> TARGET_KEYS =
            Set.of("channel", "priority", "complexity", "target", "calendar");
    static final Set<String> WARNING_KEYS = Set.of("before", "elapsed");
    static final Set<String> ESCALATION_KEYS = Set.of("level", "after");
    static final Set<String> PEAK_KEYS = Set.of("cap", "windows");
    static final Set<String> WINDOW_KEYS = Set.of("name", "from", "to", "extend");
    static final Set<String> RETENTION_KEYS = Set.of("afterClosed", "orphanTimeout", "neverClosed");
    static final Set<String> REPORT_KEYS = Set.of("publicAgents");

    /** Events that can start a clock. */
    static final Set<EventType> START_EVENTS = EnumSet.of(EventType.CREATED, EventType.DISPATCHED);

    /** How many missing target combinations are listed before the rest are counted. */
    private static final int MISSING_COMBINATIONS_LISTED = 3;

    private PolicyLoader() {}

    public static SlaPolicy load(Path file) throws PolicyException {
        String text = LocatedYaml.readFile(file);
        return parse(file.toString(), text);
    }

    public static SlaPolicy parse(String file, String text) throws PolicyException {
        LocatedYaml doc = LocatedYaml.parse(file, text);
        Fields fields = new Fields(doc);
        SlaPolicy policy = read(fields, doc.root());
        if (!fields.problems().isEmpty() || policy == null) {
            throw new PolicyException(fields.problems());
        }
        return policy;
    }

    private static SlaPolicy read(Fields fields, JsonNode root) {
        if (!fields.mapping("", root, "the policy", KEYS)) {
            return null;
        }
        String version = fields.text("", root, "version", true, "\"2026.1\"");

        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        JsonNode calendarsNode = root.get("calendars");
        if (calendarsNode == null || !calendarsNode.isObject() || calendarsNode.isEmpty()) {
            fields.fail(
                    calendarsNode == null ? "" : "/calendars",
                    "the policy needs at least one calendar under 'calendars'",
                    "add e.g. 'calendars: {24x7: {timeZone: Asia/Shanghai, alwaysOpen: true}}'");
        } else {
            for (Iterator<String> names = calendarsNode.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                BusinessCalendar calendar =
                        CalendarLoader.read(
                                fields,
                                LocatedYaml.child("/calendars", name),
                                calendarsNode.get(name),
                                "calendar '" + name + "'");
                // A broken calendar is still a known name: no second error where it is used.
                calendars.put(name, calendar);
            }
        }

        Map<ClockType, ClockPolicy> clocks = new EnumMap<>(ClockType.class);
        JsonNode clocksNode = root.get("clocks");
        if (clocksNode == null || !clocksNode.isObject() || clocksNode.isEmpty()) {
            fields.fail(
                    clocksNode == null ? "" : "/clocks",
                    "the policy needs at least one clock under 'clocks'",
                    "add RESPONSE, ARRIVAL and/or RESOLUTION under 'clocks'");
        } else {
            for (Iterator<String> names = clocksNode.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String pointer = LocatedYaml.child("/clocks", name);
                ClockType clock = fields.enumValue(pointer, name, ClockType.class, "clock");
                if (clock != null) {
                    ClockPolicy policy =
                            readClock(fields, pointer, clock, clocksNode.get(name), calendars);
                    if (policy != null) {
                        clocks.put(clock, policy);
                    }
                }
            }
        }

        PeakPolicy peaks = readPeaks(fields, root.get("peaks"));

        Duration retention = SlaPolicy.DEFAULT_RETENTION_AFTER_CLOSED;
        Duration orphanTimeout = SlaPolicy.DEFAULT_ORPHAN_TIMEOUT;
        Duration safetyHorizon = SlaPolicy.DEFAULT_SAFETY_HORIZON;
        JsonNode retentionNode = root.get("retention");
        if (retentionNode != null
                && fields.mapping("/retention", retentionNode, "retention", RETENTION_KEYS)) {
            retention = durationOr(fields, "/retention", retentionNode, "afterClosed", retention);
            orphanTimeout =
                    durationOr(fields, "/retention", retentionNode, "orphanTimeout", orphanTimeout);
            safetyHorizon =
                    durationOr(fields, "/retention", retentionNode, "neverClosed", safetyHorizon);
        }

        // Clocks named in the file, loaded or not: a broken clock is reported once, where it is.
        Set<ClockType> named = EnumSet.noneOf(ClockType.class);
        if (clocksNode != null && clocksNode.isObject()) {
            for (Iterator<String> names = clocksNode.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                for (ClockType clock : ClockType.values()) {
                    if (clock.name().equals(name)) {
                        named.add(clock);
                    }
                }
            }
        }
        ConsequencePolicy consequences =
                ConsequencesLoader.read(
                        fields, root.get(ConsequencesLoader.SECTION), calendars, named);

        ReportPolicy report = readReport(fields, root.get(REPORT));
        PredictionPolicy prediction =
                PredictionLoader.read(fields, root.get(PredictionLoader.SECTION));
        if (prediction != null && !named.contains(ClockType.ARRIVAL)) {
            fields.fail(
                    "/" + PredictionLoader.SECTION,
                    "'prediction' predicts ARRIVAL breaches, but the policy has no ARRIVAL clock",
                    "add an ARRIVAL clock under 'clocks', or remove 'prediction'");
        }

        if (!fields.problems().isEmpty()) {
            return null;
        }
        return new SlaPolicy(
                version,
                calendars,
                clocks,
                peaks,
                retention,
                orphanTimeout,
                safetyHorizon,
                consequences,
                prediction,
                report);
    }

    private static ReportPolicy readReport(Fields fields, JsonNode node) {
        String pointer = "/" + REPORT;
        if (node == null || !fields.mapping(pointer, node, REPORT, REPORT_KEYS)) {
            return ReportPolicy.DEFAULT;
        }
        String shown = fields.text(pointer, node, "publicAgents", true, "PSEUDONYMS");
        PublicAgents publicAgents =
                shown == null
                        ? null
                        : fields.enumValue(
                                LocatedYaml.child(pointer, "publicAgents"),
                                shown,
                                PublicAgents.class,
                                "choice for publicAgents");
        return publicAgents == null ? ReportPolicy.DEFAULT : new ReportPolicy(publicAgents);
    }

    private static ClockPolicy readClock(
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
            if (!START_EVENTS.contains(type)) {
                fields.fail(
                        LocatedYaml.child(pointer, "start"),
                        type + " cannot start a clock",
                        "start a clock on CREATED, or on DISPATCHED for ARRIVAL");
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

        boolean onsiteOnly = false;
        String onsiteText = fields.text(pointer, node, "onsiteOnly", false, "true");
        if (onsiteText != null) {
            if (!onsiteText.equals("true") && !onsiteText.equals("false")) {
                fields.fail(
                        LocatedYaml.child(pointer, "onsiteOnly"),
                        "onsiteOnly must be true or false",
                        "write 'onsiteOnly: true'");
            }
            onsiteOnly = onsiteText.equals("true");
        }

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
            if (fields.problems().size() == before) {
                checkCoverage(fields, what, targetsPointer, targets, targetPointers);
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
                onsiteOnly,
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
        String targetText = fields.text(pointer, node, "target", true, "PT30M");
        Duration target =
                targetText == null
                        ? null
                        : fields.positiveDuration(LocatedYaml.child(pointer, "target"), targetText);
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
        return new TargetRule(channels, priorities, complexities, target, calendar, line);
    }

    /** Every channel × priority × complexity has exactly one most specific matching rule. */
    private static void checkCoverage(
            Fields fields,
            String what,
            String targetsPointer,
            List<TargetRule> targets,
            List<String> pointers) {
        List<String> missing = new ArrayList<>();
        Set<Integer> reportedAmbiguities = new HashSet<>();
        for (Channel channel : Channel.values()) {
            for (Priority priority : Priority.values()) {
                for (Complexity complexity : Complexity.values()) {
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

    private static PeakPolicy readPeaks(Fields fields, JsonNode node) {
        if (node == null || node.isNull()) {
            return PeakPolicy.NONE;
        }
        if (!fields.mapping("/peaks", node, "peaks", PEAK_KEYS)) {
            return PeakPolicy.NONE;
        }
        String capText = fields.text("/peaks", node, "cap", true, "50%");
        Percent cap = capText == null ? null : fields.percent("/peaks/cap", capText);
        List<PeakWindow> windows = new ArrayList<>();
        List<JsonNode> windowNodes = fields.sequence(node.get("windows"));
        for (int i = 0; i < windowNodes.size(); i++) {
            String pointer = "/peaks/windows/" + i;
            JsonNode window = windowNodes.get(i);
            if (!fields.mapping(pointer, window, "a peak window", WINDOW_KEYS)) {
                continue;
            }
            String name = fields.text(pointer, window, "name", true, "singles-day");
            Instant from = instant(fields, pointer, window, "from");
            Instant to = instant(fields, pointer, window, "to");
            String extendText = fields.text(pointer, window, "extend", true, "20%");
            Percent extend =
                    extendText == null
                            ? null
                            : fields.percent(LocatedYaml.child(pointer, "extend"), extendText);
            if (from != null && to != null && !to.isAfter(from)) {
                fields.fail(
                        LocatedYaml.child(pointer, "to"),
                        "the peak window ends before it starts",
                        "make 'to' later than 'from'");
            }
            if (extend != null && cap != null && extend.basisPoints() > cap.basisPoints()) {
                fields.fail(
                        LocatedYaml.child(pointer, "extend"),
                        "the extension " + extend + " is above the policy's cap " + cap,
                        "lower 'extend' to at most " + cap + " or raise peaks.cap");
            }
            if (name != null && from != null && to != null && extend != null) {
                windows.add(new PeakWindow(name, from, to, extend));
            }
        }
        return cap == null ? PeakPolicy.NONE : new PeakPolicy(cap, windows);
    }

    private static Instant instant(Fields fields, String pointer, JsonNode node, String name) {
        String text = fields.text(pointer, node, name, true, "2026-11-11T00:00+08:00");
        if (text == null) {
            return null;
        }
        OffsetDateTime value =
                fields.parse(
                        LocatedYaml.child(pointer, name),
                        text,
                        OffsetDateTime::parse,
                        "a date-time with offset",
                        "write e.g. \"2026-11-11T00:00+08:00\"");
        return value == null ? null : value.toInstant();
    }

    private static Duration durationOr(
            Fields fields, String pointer, JsonNode node, String name, Duration fallback) {
        String text = fields.text(pointer, node, name, false, "PT24H");
        if (text == null) {
            return fallback;
        }
        Duration value = fields.positiveDuration(LocatedYaml.child(pointer, name), text);
        return value == null ? fallback : value;
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
}

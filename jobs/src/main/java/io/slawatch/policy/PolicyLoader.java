package io.slawatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.model.ClockType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
    static final String APPLIES_TO = "appliesTo";
    static final Set<String> KEYS =
            Set.of(
                    "version",
                    APPLIES_TO,
                    "calendars",
                    "clocks",
                    "peaks",
                    "retention",
                    ConsequencesLoader.SECTION,
                    PredictionLoader.SECTION,
                    REPORT);
    static final Set<String> PEAK_KEYS = Set.of("cap", "windows");
    static final Set<String> WINDOW_KEYS = Set.of("name", "from", "to", "extend");
    static final Set<String> RETENTION_KEYS = Set.of("afterClosed", "orphanTimeout", "neverClosed");
    static final Set<String> REPORT_KEYS = Set.of("publicAgents");

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

        Map<ClockType, ClockPolicy> clocks = new LinkedHashMap<>();
        // Clocks named in the file, loaded or not: a broken clock is reported once, where it is.
        Set<ClockType> named = new HashSet<>();
        JsonNode clocksNode = root.get("clocks");
        if (clocksNode == null || !clocksNode.isObject() || clocksNode.isEmpty()) {
            fields.fail(
                    clocksNode == null ? "" : "/clocks",
                    "the policy needs at least one clock under 'clocks'",
                    "add RESPONSE, ARRIVAL, RESOLUTION and/or clocks of your own under 'clocks'");
        } else if (clocksNode.size() > SlaPolicy.MAX_CLOCKS) {
            fields.fail(
                    "/clocks",
                    "the policy defines " + clocksNode.size() + " clocks",
                    "keep at most " + SlaPolicy.MAX_CLOCKS);
        } else {
            for (Iterator<String> names = clocksNode.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String pointer = LocatedYaml.child("/clocks", name);
                if (!ClockType.NAME.matcher(name).matches()) {
                    fields.fail(
                            pointer,
                            "'" + name + "' is not a clock name",
                            "name a clock in upper-case letters, digits and '_', starting with a"
                                    + " letter, at most 40, e.g. COMPLAINT_REPLY");
                    continue;
                }
                ClockType clock = ClockType.of(name);
                named.add(clock);
                ClockPolicy policy =
                        ClockLoader.read(fields, pointer, clock, clocksNode.get(name), calendars);
                if (policy != null) {
                    clocks.put(clock, policy);
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

        boolean appliesToOpen = false;
        String appliesTo = fields.text("", root, APPLIES_TO, false, "open");
        if (appliesTo != null) {
            if (!appliesTo.equals("open") && !appliesTo.equals("new")) {
                fields.fail(
                        "/" + APPLIES_TO,
                        "appliesTo must be 'new' or 'open', not '" + appliesTo + "'",
                        "write 'appliesTo: open' to move open tickets to this version when it"
                                + " takes effect (e.g. a holiday added after the fact), or leave"
                                + " it out: new tickets only");
            }
            appliesToOpen = appliesTo.equals("open");
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
                report,
                appliesToOpen);
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
}

package io.slawatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.calendar.WorkingDays;
import io.slawatch.model.ClockType;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads a policy's {@code consequences} section; every problem is located like the rest. */
final class ConsequencesLoader {

    static final String SECTION = "consequences";
    static final Set<String> KEYS =
            Set.of(
                    "clocks",
                    "calendar",
                    "monthZone",
                    "verification",
                    "actionsDueWithin",
                    "agent",
                    "department",
                    "compensation");
    static final Set<String> VERIFICATION_KEYS = Set.of("within", "whenUndecided");
    static final Set<String> AGENT_KEYS =
            Set.of("pointsPerBreach", "trainingDueWithin", "suspendAt", "suspensionDays");
    static final Set<String> DEPARTMENT_KEYS = Set.of("pointsPerBreach", "noticeAt");
    static final Set<String> TIER_KEYS =
            Set.of("lateUpTo", "couponPercent", "upgradeMonths", "manualReview");

    private static final String POINTER = "/" + SECTION;

    private ConsequencesLoader() {}

    /** The section, or null when absent (no consequences) or broken (problems reported). */
    static ConsequencePolicy read(
            Fields fields,
            JsonNode node,
            Map<String, BusinessCalendar> calendars,
            Set<ClockType> definedClocks) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!fields.mapping(POINTER, node, SECTION, KEYS)) {
            return null;
        }
        int before = fields.problems().size();
        Set<ClockType> clocks = new TreeSet<>();
        String clocksPointer = LocatedYaml.child(POINTER, "clocks");
        List<JsonNode> clockNodes = fields.sequence(node.get("clocks"));
        if (clockNodes.isEmpty()) {
            fields.fail(
                    POINTER,
                    "missing 'clocks': which clocks' breaches have consequences",
                    "add 'clocks: [RESPONSE, ARRIVAL, RESOLUTION]'");
        }
        for (JsonNode item : clockNodes) {
            String name = item.asText();
            ClockType clock = ClockType.NAME.matcher(name).matches() ? ClockType.of(name) : null;
            if (clock == null || !definedClocks.contains(clock)) {
                String nearest =
                        Fields.nearest(name, definedClocks.stream().map(ClockType::name).toList());
                fields.fail(
                        clocksPointer,
                        "clock '" + name + "' has consequences but the policy does not define it",
                        (nearest == null ? "" : "did you mean '" + nearest + "'? ")
                                + "define it under 'clocks', or remove it here");
            } else {
                clocks.add(clock);
            }
        }

        String calendarName = fields.text(POINTER, node, "calendar", true, "office");
        BusinessCalendar calendar = null;
        if (calendarName != null) {
            calendar = calendars.get(calendarName);
            if (calendar == null && !calendars.containsKey(calendarName)) {
                fields.unknown(
                        LocatedYaml.child(POINTER, "calendar"),
                        "unknown calendar '" + calendarName + "'",
                        calendarName,
                        List.copyOf(calendars.keySet()),
                        "calendars defined:");
            }
        }
        String zoneText = fields.text(POINTER, node, "monthZone", true, "Asia/Shanghai");
        ZoneId monthZone =
                zoneText == null
                        ? null
                        : fields.zone(LocatedYaml.child(POINTER, "monthZone"), zoneText);

        String verificationPointer = LocatedYaml.child(POINTER, "verification");
        JsonNode verification = node.get("verification");
        int verifyWithin = 0;
        UndecidedCase whenUndecided = null;
        if (verification == null) {
            fields.fail(
                    POINTER,
                    "missing 'verification'",
                    "add 'verification: {within: 2, whenUndecided: CONFIRM}'");
        } else if (fields.mapping(
                verificationPointer, verification, "verification", VERIFICATION_KEYS)) {
            verifyWithin = workingDays(fields, verificationPointer, verification, "within");
            String decision =
                    fields.text(
                            verificationPointer, verification, "whenUndecided", true, "CONFIRM");
            if (decision != null) {
                whenUndecided =
                        fields.enumValue(
                                LocatedYaml.child(verificationPointer, "whenUndecided"),
                                decision,
                                UndecidedCase.class,
                                "decision");
            }
        }
        int actionsDueWithin = workingDays(fields, POINTER, node, "actionsDueWithin");

        String agentPointer = LocatedYaml.child(POINTER, "agent");
        JsonNode agent = node.get("agent");
        int agentPoints = 0;
        int trainingDue = 0;
        int suspendAt = 0;
        int suspensionDays = 0;
        if (agent == null) {
            fields.fail(
                    POINTER,
                    "missing 'agent'",
                    "add 'agent: {pointsPerBreach: 2, trainingDueWithin: 5, suspendAt: 3,"
                            + " suspensionDays: 3}'");
        } else if (fields.mapping(agentPointer, agent, "agent", AGENT_KEYS)) {
            agentPoints = positive(fields, agentPointer, agent, "pointsPerBreach", "2");
            trainingDue = workingDays(fields, agentPointer, agent, "trainingDueWithin");
            suspendAt = positive(fields, agentPointer, agent, "suspendAt", "3");
            suspensionDays = workingDays(fields, agentPointer, agent, "suspensionDays");
        }

        String departmentPointer = LocatedYaml.child(POINTER, "department");
        JsonNode department = node.get("department");
        int teamPoints = 0;
        int noticeAt = 0;
        if (department == null) {
            fields.fail(
                    POINTER,
                    "missing 'department'",
                    "add 'department: {pointsPerBreach: 1, noticeAt: 5}'");
        } else if (fields.mapping(departmentPointer, department, "department", DEPARTMENT_KEYS)) {
            teamPoints = positive(fields, departmentPointer, department, "pointsPerBreach", "1");
            noticeAt = positive(fields, departmentPointer, department, "noticeAt", "5");
        }

        List<CompensationTier> tiers = tiers(fields, node.get("compensation"));

        if (fields.problems().size() > before) {
            return null;
        }
        return new ConsequencePolicy(
                clocks,
                calendarName,
                new WorkingDays(calendar),
                monthZone,
                verifyWithin,
                whenUndecided,
                actionsDueWithin,
                agentPoints,
                trainingDue,
                suspendAt,
                suspensionDays,
                teamPoints,
                noticeAt,
                tiers);
    }

    private static List<CompensationTier> tiers(Fields fields, JsonNode node) {
        String pointer = LocatedYaml.child(POINTER, "compensation");
        List<CompensationTier> tiers = new ArrayList<>();
        List<JsonNode> items = fields.sequence(node);
        if (items.isEmpty()) {
            fields.fail(
                    POINTER,
                    "missing 'compensation' tiers",
                    "add e.g. 'compensation: [{lateUpTo: PT2H, couponPercent: 10},"
                            + " {couponPercent: 20, upgradeMonths: 3}]'");
            return tiers;
        }
        Duration previous = null;
        for (int i = 0; i < items.size(); i++) {
            String at = pointer + "/" + i;
            JsonNode item = items.get(i);
            if (!fields.mapping(at, item, "a compensation tier", TIER_KEYS)) {
                continue;
            }
            boolean last = i == items.size() - 1;
            String upTo = fields.text(at, item, "lateUpTo", !last, "PT2H");
            Duration lateUpTo =
                    upTo == null
                            ? null
                            : fields.positiveDuration(LocatedYaml.child(at, "lateUpTo"), upTo);
            if (upTo != null && last) {
                fields.fail(
                        LocatedYaml.child(at, "lateUpTo"),
                        "the last compensation tier has an upper bound, so a later breach gets"
                                + " none",
                        "remove 'lateUpTo' from the last tier: it covers everything later");
            }
            if (lateUpTo != null && previous != null && lateUpTo.compareTo(previous) <= 0) {
                fields.fail(
                        LocatedYaml.child(at, "lateUpTo"),
                        "tier " + (i + 1) + " ends no later than the tier before it",
                        "order tiers by 'lateUpTo', shortest first");
            }
            if (lateUpTo != null) {
                previous = lateUpTo;
            }
            int coupon = whole(fields, at, item, "couponPercent", 0, 100);
            int upgrade = whole(fields, at, item, "upgradeMonths", 0, 120);
            String review = fields.text(at, item, "manualReview", false, "true");
            if (review != null && !review.equals("true") && !review.equals("false")) {
                fields.fail(
                        LocatedYaml.child(at, "manualReview"),
                        "manualReview must be true or false",
                        "write 'manualReview: true'");
            }
            boolean manualReview = "true".equals(review);
            if (coupon == 0 && upgrade == 0 && !manualReview) {
                fields.fail(
                        at,
                        "compensation tier " + (i + 1) + " gives nothing",
                        "give a couponPercent, upgradeMonths or manualReview: true");
            }
            tiers.add(new CompensationTier(i + 1, lateUpTo, coupon, upgrade, manualReview));
        }
        return tiers;
    }

    private static int workingDays(Fields fields, String pointer, JsonNode node, String name) {
        return positive(fields, pointer, node, name, "2");
    }

    private static int positive(
            Fields fields, String pointer, JsonNode node, String name, String example) {
        String text = fields.text(pointer, node, name, true, example);
        if (text == null) {
            return 0;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fields.fail(
                LocatedYaml.child(pointer, name),
                "'" + text + "' is not a whole number from 1 up",
                "write e.g. '" + name + ": " + example + "'");
        return 0;
    }

    private static int whole(
            Fields fields, String pointer, JsonNode node, String name, int min, int max) {
        String text = fields.text(pointer, node, name, false, "10");
        if (text == null) {
            return 0;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fields.fail(
                LocatedYaml.child(pointer, name),
                "'" + text + "' is not a whole number from " + min + " to " + max,
                "write e.g. '" + name + ": 10'");
        return 0;
    }
}

package io.slawatch.report;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.Channel;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.Priority;
import io.slawatch.policy.SlaPolicy;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What two policies make of the same events (what-if): per clock, channel and priority the met
 * rate, breaches and escalations under each; with consequences, points lost and compensation by
 * tier; and every clock whose verdict changes, the largest change first.
 */
public record PolicyComparison(
        String policyA,
        String policyB,
        List<Row> rows,
        Consequences consequences,
        List<Change> changes) {

    /** One clock × channel × priority under both policies. */
    public record Row(ClockType clock, Channel channel, Priority priority, Side a, Side b) {}

    /** What one policy made of the row's clocks. */
    public record Side(int met, int breached, Double metRate, int breaches, int escalations) {}

    /** Points lost by agents and departments, and tickets compensated per tier, under each. */
    public record Consequences(
            int agentPointsA,
            int agentPointsB,
            int teamPointsA,
            int teamPointsB,
            Map<Integer, Integer> tiersA,
            Map<Integer, Integer> tiersB) {}

    /**
     * A clock whose verdict differs.
     *
     * @param lateSecondsA how late it ended under A (0 when met; null while running)
     */
    public record Change(
            String ticketId,
            ClockType clock,
            int cycle,
            Channel channel,
            Priority priority,
            String verdictA,
            String verdictB,
            long targetSecondsA,
            long targetSecondsB,
            Long lateSecondsA,
            Long lateSecondsB,
            String reason) {}

    /** Compares {@code a} (under {@code policyA}) with {@code b} (under {@code policyB}). */
    public static PolicyComparison of(
            SlaPolicy policyA, ReportData a, SlaPolicy policyB, ReportData b) {
        ZoneId zone = policyA.calendars().values().iterator().next().zone();
        Period all =
                new Period(
                        "all",
                        java.time.YearMonth.of(1970, 1),
                        java.time.YearMonth.of(9999, 12),
                        zone);
        Facts factsA = new Facts(a, policyA.consequences(), all);
        Facts factsB = new Facts(b, policyB.consequences(), all);
        Map<String, ClockFact> byIdA = byId(factsA);
        Map<String, ClockFact> byIdB = byId(factsB);
        Map<String, List<ClockFact>> groupsA = groups(factsA.clocks);
        Map<String, List<ClockFact>> groupsB = groups(factsB.clocks);
        Set<String> keys = new java.util.TreeSet<>(Comparator.comparing(PolicyComparison::order));
        keys.addAll(groupsA.keySet());
        keys.addAll(groupsB.keySet());
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            String[] parts = key.split("\\|");
            rows.add(
                    new Row(
                            ClockType.of(parts[0]),
                            parts[1].isEmpty() ? null : Channel.valueOf(parts[1]),
                            parts[2].isEmpty() ? null : Priority.valueOf(parts[2]),
                            side(groupsA.getOrDefault(key, List.of()), a.alerts()),
                            side(groupsB.getOrDefault(key, List.of()), b.alerts())));
        }
        List<Change> changes = new ArrayList<>();
        Set<String> ids = new HashSet<>(byIdA.keySet());
        ids.addAll(byIdB.keySet());
        for (String id : ids) {
            ClockFact x = byIdA.get(id);
            ClockFact y = byIdB.get(id);
            String verdictA = verdict(x);
            String verdictB = verdict(y);
            if (!verdictA.equals(verdictB)) {
                changes.add(change(x, y, verdictA, verdictB));
            }
        }
        changes.sort(
                Comparator.comparingLong((Change c) -> -size(c))
                        .thenComparing(Change::ticketId)
                        .thenComparing(Change::clock)
                        .thenComparingInt(Change::cycle));
        Consequences consequences =
                policyA.consequences() == null && policyB.consequences() == null
                        ? null
                        : new Consequences(
                                points(a.ledger(), "AGENT"),
                                points(b.ledger(), "AGENT"),
                                points(a.ledger(), "TEAM"),
                                points(b.ledger(), "TEAM"),
                                tiers(factsA),
                                tiers(factsB));
        return new PolicyComparison(
                policyA.version(), policyB.version(), rows, consequences, changes);
    }

    private static Map<String, ClockFact> byId(Facts facts) {
        Map<String, ClockFact> byId = new HashMap<>();
        facts.clocks.forEach(c -> byId.put(c.outcome().outcomeId(), c));
        return byId;
    }

    private static Map<String, List<ClockFact>> groups(List<ClockFact> clocks) {
        Map<String, List<ClockFact>> groups = new HashMap<>();
        for (ClockFact clock : clocks) {
            var attributes = clock.attributes();
            String key =
                    clock.clock()
                            + "|"
                            + (attributes == null || attributes.channel() == null
                                    ? ""
                                    : attributes.channel())
                            + "|"
                            + (attributes == null || attributes.priority() == null
                                    ? ""
                                    : attributes.priority());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(clock);
        }
        return groups;
    }

    /** Clocks as {@link ClockType} orders them, channel and priority in their declared order. */
    private static String order(String key) {
        String[] parts = key.split("\\|", -1);
        ClockType clock = ClockType.of(parts[0]);
        int builtIn = ClockType.BUILT_IN.indexOf(clock);
        return (builtIn < 0 ? "9" + clock.name() : String.valueOf(builtIn))
                + "|"
                + (parts[1].isEmpty() ? 9 : Channel.valueOf(parts[1]).ordinal())
                + "|"
                + (parts[2].isEmpty() ? 9 : Priority.valueOf(parts[2]).ordinal());
    }

    private static Side side(List<ClockFact> clocks, List<Alert> alerts) {
        Report.Rate rate = Figures.rate(clocks);
        Set<String> cycles = new HashSet<>();
        clocks.forEach(c -> cycles.add(c.outcome().outcomeId()));
        Set<String> retracted = new HashSet<>();
        for (Alert alert : alerts) {
            if (alert.kind() == AlertKind.RETRACTED) {
                retracted.add(alert.retractsAlertId());
            }
        }
        int breaches = 0;
        int escalations = 0;
        for (Alert alert : alerts) {
            String cycle = ClockOutcome.outcomeId(alert.ticketId(), alert.clock(), alert.cycle());
            if (!cycles.contains(cycle) || retracted.contains(alert.alertId())) {
                continue;
            }
            if (alert.kind() == AlertKind.BREACHED) {
                breaches++;
            } else if (alert.kind() == AlertKind.ESCALATED) {
                escalations++;
            }
        }
        return new Side(rate.met(), rate.breached(), rate.metRate(), breaches, escalations);
    }

    /** MET, BREACHED, OPEN, CANCELLED, or ABSENT when the policy does not run the clock. */
    private static String verdict(ClockFact clock) {
        return clock == null ? "ABSENT" : clock.result().name();
    }

    private static Change change(ClockFact a, ClockFact b, String verdictA, String verdictB) {
        ClockFact any = a != null ? a : b;
        ClockOutcome outcome = any.outcome();
        Long lateA = late(a);
        Long lateB = late(b);
        long targetA = a == null ? 0 : a.outcome().targetSeconds();
        long targetB = b == null ? 0 : b.outcome().targetSeconds();
        String reason =
                outcome.clock()
                        + (any.attributes() == null
                                ? ""
                                : " ("
                                        + any.attributes().channel()
                                        + ", "
                                        + any.attributes().priority()
                                        + ")")
                        + ": target "
                        + human(targetA)
                        + " → "
                        + human(targetB)
                        + ended(any)
                        + ": "
                        + describe(verdictA, lateA)
                        + " under A, "
                        + describe(verdictB, lateB)
                        + " under B";
        return new Change(
                outcome.ticketId(),
                outcome.clock(),
                outcome.cycle(),
                any.attributes() == null ? null : any.attributes().channel(),
                any.attributes() == null ? null : any.attributes().priority(),
                verdictA,
                verdictB,
                targetA,
                targetB,
                lateA,
                lateB,
                reason);
    }

    private static String ended(ClockFact clock) {
        ClockOutcome outcome = clock.outcome();
        return outcome.endedAt() == null
                ? ", still running"
                : ", stopped after " + human(outcome.elapsedBusinessSeconds());
    }

    private static String describe(String verdict, Long late) {
        return switch (verdict) {
            case "MET" -> "met";
            case "BREACHED" -> late == null ? "breached, still running" : human(late) + " late";
            case "ABSENT" -> "not run";
            default -> verdict.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static Long late(ClockFact clock) {
        if (clock == null || clock.outcome().endedAt() == null) {
            return null;
        }
        return clock.result() == ClockResult.MET ? 0L : clock.outcome().lateSeconds();
    }

    /** How much a change matters: the difference in lateness, or the whole lateness. */
    private static long size(Change change) {
        long a = Objects.requireNonNullElse(change.lateSecondsA(), 0L);
        long b = Objects.requireNonNullElse(change.lateSecondsB(), 0L);
        return Math.abs(a - b);
    }

    private static int points(List<LedgerEntry> ledger, String subjectType) {
        return -ledger.stream()
                .filter(e -> e.subjectType().name().equals(subjectType) && e.points() != null)
                .mapToInt(LedgerEntry::points)
                .sum();
    }

    private static Map<Integer, Integer> tiers(Facts facts) {
        Map<Integer, Integer> tiers = new TreeMap<>();
        facts.compensation
                .values()
                .forEach(c -> tiers.merge(c.tier() == null ? 0 : c.tier().rank(), 1, Integer::sum));
        return tiers;
    }

    /** Targets and times in hours past an hour (91h, 90h 54m), as policies write them. */
    static String human(long seconds) {
        if (seconds < 3600) {
            return Durations.human(seconds);
        }
        long minutes = seconds % 3600 / 60;
        return seconds / 3600 + "h" + (minutes == 0 ? "" : String.format(" %02dm", minutes));
    }
}

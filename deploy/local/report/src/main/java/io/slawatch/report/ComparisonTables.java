package io.slawatch.report;

import io.slawatch.report.PolicyComparison.Change;
import io.slawatch.report.PolicyComparison.Row;
import io.slawatch.report.PolicyComparison.Side;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** A what-if comparison as text for a terminal, and as CSV files. */
public final class ComparisonTables {

    public static final String ROWS = "comparison.csv";
    public static final String CHANGES = "changes.csv";
    public static final String CONSEQUENCES = "consequences.csv";

    private ComparisonTables() {}

    /** The side-by-side table, consequences, then the first {@code changesShown} changes. */
    public static String text(PolicyComparison comparison, int changesShown) {
        StringBuilder text = new StringBuilder();
        text.append(
                String.format(
                        Locale.ROOT,
                        "A = policy %s, B = policy %s%n%-10s %-6s %-8s | %-28s | %-28s%n",
                        comparison.policyA(),
                        comparison.policyB(),
                        "clock",
                        "channel",
                        "priority",
                        "A: met rate, breaches, esc.",
                        "B: met rate, breaches, esc."));
        for (Row row : comparison.rows()) {
            text.append(
                    String.format(
                            Locale.ROOT,
                            "%-10s %-6s %-8s | %-28s | %-28s%n",
                            row.clock(),
                            row.channel() == null ? "-" : row.channel(),
                            row.priority() == null ? "-" : row.priority(),
                            side(row.a()),
                            side(row.b())));
        }
        if (comparison.consequences() != null) {
            var c = comparison.consequences();
            text.append(
                    String.format(
                            Locale.ROOT,
                            "points lost: agents %d → %d, departments %d → %d%n",
                            c.agentPointsA(),
                            c.agentPointsB(),
                            c.teamPointsA(),
                            c.teamPointsB()));
            TreeSet<Integer> tiers = new TreeSet<>(c.tiersA().keySet());
            tiers.addAll(c.tiersB().keySet());
            for (int tier : tiers) {
                text.append(
                        String.format(
                                Locale.ROOT,
                                "tickets compensated, tier %d: %d → %d%n",
                                tier,
                                c.tiersA().getOrDefault(tier, 0),
                                c.tiersB().getOrDefault(tier, 0)));
            }
        }
        text.append(comparison.changes().size()).append(" clocks change verdict");
        List<Change> shown =
                comparison
                        .changes()
                        .subList(0, Math.min(changesShown, comparison.changes().size()));
        text.append(shown.size() < comparison.changes().size() ? ", the largest first:\n" : ":\n");
        for (Change change : shown) {
            text.append("  ")
                    .append(change.ticketId())
                    .append(' ')
                    .append(change.reason())
                    .append('\n');
        }
        return text.toString();
    }

    public static void write(PolicyComparison comparison, Path dir) throws IOException {
        Files.createDirectories(dir);
        Csv rows =
                new Csv(
                        List.of(
                                "clock",
                                "channel",
                                "priority",
                                "met_a",
                                "breached_a",
                                "met_rate_a",
                                "breaches_a",
                                "escalations_a",
                                "met_b",
                                "breached_b",
                                "met_rate_b",
                                "breaches_b",
                                "escalations_b"));
        for (Row row : comparison.rows()) {
            rows.row(
                    row.clock(),
                    row.channel(),
                    row.priority(),
                    row.a().met(),
                    row.a().breached(),
                    row.a().metRate(),
                    row.a().breaches(),
                    row.a().escalations(),
                    row.b().met(),
                    row.b().breached(),
                    row.b().metRate(),
                    row.b().breaches(),
                    row.b().escalations());
        }
        Files.writeString(dir.resolve(ROWS), rows.toString(), StandardCharsets.UTF_8);
        Csv changes =
                new Csv(
                        List.of(
                                "ticket_id",
                                "clock",
                                "cycle",
                                "channel",
                                "priority",
                                "verdict_a",
                                "verdict_b",
                                "target_seconds_a",
                                "target_seconds_b",
                                "late_seconds_a",
                                "late_seconds_b",
                                "reason"));
        for (Change c : comparison.changes()) {
            changes.row(
                    c.ticketId(),
                    c.clock(),
                    c.cycle(),
                    c.channel(),
                    c.priority(),
                    c.verdictA(),
                    c.verdictB(),
                    c.targetSecondsA(),
                    c.targetSecondsB(),
                    c.lateSecondsA(),
                    c.lateSecondsB(),
                    c.reason());
        }
        Files.writeString(dir.resolve(CHANGES), changes.toString(), StandardCharsets.UTF_8);
        if (comparison.consequences() != null) {
            var c = comparison.consequences();
            Csv consequences = new Csv(List.of("figure", "a", "b"));
            consequences.row("agent_points_lost", c.agentPointsA(), c.agentPointsB());
            consequences.row("department_points_lost", c.teamPointsA(), c.teamPointsB());
            TreeSet<Integer> tiers = new TreeSet<>(c.tiersA().keySet());
            tiers.addAll(c.tiersB().keySet());
            for (int tier : tiers) {
                consequences.row(
                        "tickets_compensated_tier_" + tier,
                        c.tiersA().getOrDefault(tier, 0),
                        c.tiersB().getOrDefault(tier, 0));
            }
            Files.writeString(
                    dir.resolve(CONSEQUENCES), consequences.toString(), StandardCharsets.UTF_8);
        }
    }

    private static String side(Side side) {
        return String.format(
                Locale.ROOT,
                "%7s %5d %5d",
                Durations.percent(side.metRate()),
                side.breaches(),
                side.escalations());
    }
}

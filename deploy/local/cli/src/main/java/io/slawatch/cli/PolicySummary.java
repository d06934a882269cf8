package io.slawatch.cli;

import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.model.ClockType;
import io.slawatch.policy.ClockApplies;
import io.slawatch.policy.ClockPolicy;
import io.slawatch.policy.CompensationTier;
import io.slawatch.policy.ConsequencePolicy;
import io.slawatch.policy.Escalation;
import io.slawatch.policy.PeakWindow;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.policy.TargetRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A short, human summary of a loaded policy. */
final class PolicySummary {

    private PolicySummary() {}

    static String of(String file, SlaPolicy policy) {
        StringBuilder text = new StringBuilder();
        text.append(file).append(": OK, policy version ").append(policy.version()).append('\n');
        text.append("calendars:\n");
        for (Map.Entry<String, BusinessCalendar> calendar : policy.calendars().entrySet()) {
            text.append("  ")
                    .append(calendar.getKey())
                    .append(": ")
                    .append(calendar.getValue())
                    .append('\n');
        }
        text.append("clocks:\n");
        for (Map.Entry<ClockType, ClockPolicy> entry : policy.clocks().entrySet()) {
            ClockType type = entry.getKey();
            ClockPolicy clock = entry.getValue();
            text.append("  ")
                    .append(type)
                    .append(": ")
                    .append(names(clock.start()))
                    .append(" -> ")
                    .append(names(clock.stop()));
            if (!clock.pause().isEmpty()) {
                text.append(", paused by ")
                        .append(names(clock.pause()))
                        .append(" until ")
                        .append(names(clock.resume()));
            }
            if (!clock.restart().isEmpty()) {
                text.append(", new cycle on ").append(names(clock.restart()));
            }
            if (!clock.renew().isEmpty()) {
                text.append(", renewed by ").append(names(clock.renew()));
            }
            if (!clock.applies().equals(ClockApplies.ALL)) {
                text.append(", ").append(clock.applies().describe()).append(" tickets only");
            }
            if (!clock.requireEta().isEmpty()) {
                text.append(", ").append(names(clock.requireEta())).append(" responses need etaAt");
            }
            text.append('\n');
            for (TargetRule rule : clock.targets()) {
                text.append("    ")
                        .append(rule.selector())
                        .append(" -> ")
                        .append(
                                rule.target() == null
                                        ? rule.describeTarget()
                                        : human(rule.target()))
                        .append(" on ")
                        .append(rule.calendar())
                        .append('\n');
            }
            if (!clock.warnings().isEmpty()) {
                text.append("    at risk: ")
                        .append(
                                clock.warnings().stream()
                                        .map(Object::toString)
                                        .collect(Collectors.joining("; ")))
                        .append('\n');
            }
            text.append("    breached (level 1) at the deadline");
            for (Escalation escalation : clock.escalations()) {
                text.append("; escalated ").append(escalation);
            }
            text.append('\n');
        }
        if (policy.peaks().windows().isEmpty()) {
            text.append("peaks: none\n");
        } else {
            text.append("peaks (cap ").append(policy.peaks().cap()).append("):\n");
            for (PeakWindow window : policy.peaks().windows()) {
                text.append("  ")
                        .append(window.name())
                        .append(": ")
                        .append(window.from())
                        .append(" to ")
                        .append(window.to())
                        .append(", +")
                        .append(window.extension())
                        .append('\n');
            }
        }
        text.append("retention: ")
                .append(human(policy.retentionAfterClosed()))
                .append(" after CLOSED; orphans quarantined after ")
                .append(human(policy.orphanTimeout()))
                .append("; never-closed tickets cleared after ")
                .append(human(policy.safetyHorizon()))
                .append('\n');
        text.append(consequences(policy.consequences()));
        if (policy.prediction() != null) {
            var prediction = policy.prediction();
            text.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "predictions: PREDICTED_BREACH from %.0f%% likely late; ETA error"
                                    + " %s ± %s until a region's hour band has %d arrivals%n",
                            prediction.minProbability() * 100,
                            (prediction.priorMeanError().isNegative() ? "-" : "")
                                    + human(prediction.priorMeanError().abs()),
                            human(prediction.priorStdDev()),
                            prediction.learnAfter()));
        }
        text.append("report: the public edition shows ")
                .append(
                        switch (policy.report().publicAgents()) {
                            case PSEUDONYMS -> "agents under keyed pseudonyms";
                            case NONE -> "departments only, no agents";
                        })
                .append('\n');
        return text.toString();
    }

    static String consequences(ConsequencePolicy rules) {
        if (rules == null) {
            return "consequences: none\n";
        }
        StringBuilder text = new StringBuilder();
        text.append("consequences of a BREACHED ")
                .append(
                        rules.clocks().stream()
                                .sorted()
                                .map(ClockType::name)
                                .collect(Collectors.joining("|")))
                .append(" alert, in working days of ")
                .append(rules.calendar())
                .append(", months in ")
                .append(rules.monthZone())
                .append(":\n");
        text.append("  verified within ")
                .append(rules.verifyWithin())
                .append(" working days, else ")
                .append(rules.whenUndecided())
                .append(" by the policy\n");
        text.append("  agent: -")
                .append(rules.agentPointsPerBreach())
                .append(" points a breach; the month's first brings WARNING and TRAINING (due in ")
                .append(rules.trainingDueWithin())
                .append(" working days); the ")
                .append(rules.suspensionAt())
                .append(ordinal(rules.suspensionAt()))
                .append(" brings a SUSPENSION of ")
                .append(rules.suspensionDays())
                .append(" working days\n");
        text.append("  department: -")
                .append(rules.teamPointsPerBreach())
                .append(rules.teamPointsPerBreach() == 1 ? " point" : " points")
                .append(" a breach; the month's ")
                .append(rules.noticeAt())
                .append(ordinal(rules.noticeAt()))
                .append(" brings a NOTICE\n");
        text.append("  customer: APOLOGY per confirmed breach; one compensation per ticket:");
        Duration previous = Duration.ZERO;
        for (CompensationTier tier : rules.tiers()) {
            text.append("\n    late ")
                    .append(
                            tier.lateUpTo() == null
                                    ? "more than " + human(previous)
                                    : "up to " + human(tier.lateUpTo()))
                    .append(" -> ");
            if (tier.lateUpTo() != null) {
                previous = tier.lateUpTo();
            }
            List<String> parts = new ArrayList<>();
            if (tier.couponPercent() > 0) {
                parts.add("COUPON " + tier.couponPercent() + "%");
            }
            if (tier.upgradeMonths() > 0) {
                parts.add("UPGRADE " + tier.upgradeMonths() + " months");
            }
            if (tier.manualReview()) {
                parts.add("MANUAL_REVIEW");
            }
            text.append(String.join(", ", parts));
        }
        text.append("\n  decided actions due within ")
                .append(rules.actionsDueWithin())
                .append(" working days, else OVERDUE\n");
        return text.toString();
    }

    private static String ordinal(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static String names(Collection<? extends Enum<?>> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining("|"));
    }

    /** {@code 30s}, {@code 5m}, {@code 4h}, {@code 90d}, or a combination such as {@code 1h30m}. */
    static String human(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long days = seconds / 86_400;
        if (days > 0 && seconds % 86_400 == 0) {
            return days + "d";
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (rest > 0) {
            text.append(rest).append('s');
        }
        return text.toString();
    }
}

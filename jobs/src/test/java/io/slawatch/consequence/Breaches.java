package io.slawatch.consequence;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.Channel;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.Priority;
import io.slawatch.model.Review;
import io.slawatch.model.ReviewDecision;
import io.slawatch.model.TicketAttributes;
import io.slawatch.policy.Policies;
import io.slawatch.policy.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The vocabulary of consequence scenarios on the shipped default policy (its consequences are the
 * after-sales rules the issue states): named instants in Asia/Shanghai, alert, outcome and review
 * builders, and ledger entries as readable lines.
 */
final class Breaches {

    static final SlaPolicy DEFAULT_POLICY = Policies.DEFAULT;

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String TICKET = "T-1";
    static final String AGENT = "a-1";
    static final String TECH = "t-1";
    static final String TEAM = "hotline";
    static final String CUSTOMER = "c-1";

    /** Wednesday 2026-11-25; its breaches are verified by Friday 18:00, two working days on. */
    static final Instant WEDNESDAY_1005 = at("2026-11-25T10:05:00+08:00");

    static final Instant WEDNESDAY_1200 = at("2026-11-25T12:00:00+08:00");
    static final Instant THURSDAY_0930 = at("2026-11-26T09:30:00+08:00");
    static final Instant FRIDAY_1800 = at("2026-11-27T18:00:00+08:00");
    static final Instant SATURDAY_1000 = at("2026-11-28T10:00:00+08:00");
    static final Instant MONDAY_1800 = at("2026-11-30T18:00:00+08:00");
    static final Instant TUESDAY_1800 = at("2026-12-01T18:00:00+08:00");

    private Breaches() {}

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    static TicketAttributes attributes(String ticket) {
        return attributes(ticket, DEFAULT_POLICY.version());
    }

    /** {@code ticket}'s attributes, run on the policy version {@code policyVersion}. */
    static TicketAttributes attributes(String ticket, String policyVersion) {
        return new TicketAttributes(
                Channel.PHONE,
                Priority.URGENT,
                Complexity.STANDARD,
                AGENT,
                TECH,
                TEAM,
                "pudong",
                policyVersion,
                CUSTOMER);
    }

    /** The level-1 BREACHED alert of {@code ticket}'s {@code clock} (cycle 1) at its deadline. */
    static Alert breached(String ticket, ClockType clock, Instant deadline) {
        return breached(ticket, clock, deadline, DEFAULT_POLICY.version());
    }

    /** {@link #breached(String, ClockType, Instant)} of a ticket run on {@code policyVersion}. */
    static Alert breached(String ticket, ClockType clock, Instant deadline, String policyVersion) {
        return new Alert(
                Alert.alertId(ticket, clock, 1, AlertKind.BREACHED, 1),
                ticket,
                clock,
                AlertKind.BREACHED,
                1,
                1,
                deadline.minus(Duration.ofHours(1)),
                deadline,
                deadline,
                3600,
                0L,
                null,
                null,
                null,
                null,
                null,
                attributes(ticket, policyVersion));
    }

    static Alert breached(ClockType clock, Instant deadline) {
        return breached(TICKET, clock, deadline);
    }

    /** The retraction of {@code breach}, at the late stop event's time {@code at}. */
    static Alert retracted(Alert breach, Instant at) {
        return new Alert(
                Alert.alertId(
                        breach.ticketId(), breach.clock(), 1, AlertKind.RETRACTED, breach.level()),
                breach.ticketId(),
                breach.clock(),
                AlertKind.RETRACTED,
                breach.level(),
                1,
                breach.startedAt(),
                breach.deadline(),
                at,
                breach.targetSeconds(),
                null,
                null,
                breach.alertId(),
                null,
                null,
                null,
                breach.attributes());
    }

    /** {@code breach}'s clock stopped {@code late} after its deadline. */
    static ClockOutcome metLate(Alert breach, Duration late) {
        return outcome(breach, OutcomeStatus.MET_LATE, breach.deadline().plus(late), late);
    }

    /** {@code breach}'s ticket was cancelled {@code late} after the deadline. */
    static ClockOutcome cancelled(Alert breach, Duration late) {
        return outcome(
                breach, OutcomeStatus.CANCELLED, breach.deadline().plus(late), Duration.ZERO);
    }

    private static ClockOutcome outcome(
            Alert breach, OutcomeStatus status, Instant endedAt, Duration late) {
        return new ClockOutcome(
                ClockOutcome.outcomeId(breach.ticketId(), breach.clock(), 1),
                breach.ticketId(),
                breach.clock(),
                1,
                status,
                breach.startedAt(),
                endedAt,
                breach.deadline(),
                breach.targetSeconds(),
                Duration.between(breach.startedAt(), endedAt).getSeconds(),
                0,
                late.getSeconds(),
                breach.attributes());
    }

    static Review confirm(String alertId, Instant at) {
        return new Review(
                "r-confirm-" + alertId + "@" + at,
                alertId,
                null,
                ReviewDecision.CONFIRM,
                "sup-1",
                "checked the call log",
                at);
    }

    static Review waive(String alertId, Instant at) {
        return new Review(
                "r-waive-" + alertId + "@" + at,
                alertId,
                null,
                ReviewDecision.WAIVE,
                "sup-1",
                "customer asked to call later",
                at);
    }

    static Review done(String entryId, Instant at) {
        return new Review(
                "r-done-" + entryId + "@" + at,
                null,
                entryId,
                ReviewDecision.DONE,
                "ops-1",
                null,
                at);
    }

    /** A confirmation, as the penalties see it, of {@code ticket}'s RESPONSE breach. */
    static Verdict confirmed(String ticket, String agent, String month, Instant at) {
        return verdict(ticket, agent, month, at, false);
    }

    static Verdict retractedVerdict(String ticket, String agent, String month, Instant at) {
        return verdict(ticket, agent, month, at, true);
    }

    private static Verdict verdict(
            String ticket, String agent, String month, Instant at, boolean retracted) {
        return verdict(ticket, agent, month, at, retracted, DEFAULT_POLICY.version());
    }

    /** A confirmation of {@code ticket}'s RESPONSE breach, its ticket run on {@code version}. */
    static Verdict confirmedOn(
            String version, String ticket, String agent, String month, Instant at) {
        return verdict(ticket, agent, month, at, false, version);
    }

    private static Verdict verdict(
            String ticket,
            String agent,
            String month,
            Instant at,
            boolean retracted,
            String policyVersion) {
        return new Verdict(
                Alert.alertId(ticket, ClockType.RESPONSE, 1, AlertKind.BREACHED, 1),
                ticket,
                ClockType.RESPONSE,
                agent,
                TEAM,
                month,
                at.toEpochMilli(),
                retracted,
                policyVersion,
                1);
    }

    static String breachOf(String ticket) {
        return Alert.alertId(ticket, ClockType.RESPONSE, 1, AlertKind.BREACHED, 1);
    }

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("EEE MM-dd HH:mm", java.util.Locale.ROOT);

    /** {@code instant} as a local Shanghai time such as {@code Wed 11-25 10:05}. */
    static String local(Instant instant) {
        return LOCAL.format(LocalDateTime.ofInstant(instant, SHANGHAI));
    }

    /**
     * Each entry as {@code entryId KIND SUBJECT:id @at [field=value…]}, times local: a whole entry
     * in one comparable line.
     */
    static List<String> lines(List<LedgerEntry> entries) {
        List<String> lines = new ArrayList<>();
        for (LedgerEntry e : entries) {
            StringBuilder line =
                    new StringBuilder()
                            .append(e.entryId())
                            .append(' ')
                            .append(e.kind())
                            .append(' ')
                            .append(e.subjectType())
                            .append(':')
                            .append(e.subjectId())
                            .append(" @")
                            .append(local(e.at()));
            if (e.points() != null) {
                line.append(" points=").append(e.points());
            }
            if (e.couponPercent() != null) {
                line.append(" coupon=").append(e.couponPercent()).append('%');
            }
            if (e.upgradeMonths() != null) {
                line.append(" upgrade=").append(e.upgradeMonths());
            }
            if (e.from() != null) {
                line.append(" days=").append(e.from()).append("..").append(e.to());
            }
            if (e.dueBy() != null) {
                line.append(" due=").append(local(e.dueBy()));
            }
            if (!LedgerEntry.POLICY.equals(e.decidedBy())) {
                line.append(" by=").append(e.decidedBy());
            }
            if (e.reverses() != null) {
                line.append(" reverses=").append(e.reverses());
            }
            if (e.relatedAlertIds() != null) {
                line.append(" alerts=").append(e.relatedAlertIds());
                line.append(" agents=").append(e.relatedAgentIds());
            }
            lines.add(line.toString());
        }
        return lines;
    }
}

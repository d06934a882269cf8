package io.slawatch.report;

import io.slawatch.consequence.LedgerBalances.Action;
import io.slawatch.consequence.LedgerBalances.ActionState;
import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.SubjectType;
import io.slawatch.policy.CompensationTier;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.report.Facts.BreachFact;
import io.slawatch.report.Facts.TicketCompensation;
import io.slawatch.report.Report.Agent;
import io.slawatch.report.Report.Breach;
import io.slawatch.report.Report.Carried;
import io.slawatch.report.Report.Cases;
import io.slawatch.report.Report.ClockRate;
import io.slawatch.report.Report.CompensationLine;
import io.slawatch.report.Report.Department;
import io.slawatch.report.Report.Glance;
import io.slawatch.report.Report.Rate;
import io.slawatch.report.Report.ResponseTimes;
import io.slawatch.report.Report.TrendPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Computes a report's figures (the internal edition) from the joined data. */
public final class Figures {

    /** The department of a ticket that names none. */
    public static final String NO_TEAM = "(none)";

    /** Decimal places of a rate in report.json. */
    static final int RATE_SCALE = 4;

    private final Facts facts;
    private final SlaPolicy policy;
    private final Period period;
    private final List<ClockType> clockTypes;

    private Figures(ReportData data, SlaPolicy policy, Period period) {
        this.facts = new Facts(data, policy.consequences(), period);
        this.policy = policy;
        this.period = period;
        this.clockTypes = reported(policy, facts);
    }

    /**
     * The built-in clocks the policy runs, and those of its own that ran in the data: a column for
     * a promise nobody was given would only be empty.
     */
    private static List<ClockType> reported(SlaPolicy policy, Facts facts) {
        Set<ClockType> ran = new HashSet<>();
        facts.clocks.forEach(c -> ran.add(c.clock()));
        return policy.clocks().keySet().stream()
                .filter(clock -> clock.isBuiltIn() || ran.contains(clock))
                .sorted()
                .toList();
    }

    /** The internal edition's figures of {@code period}, without an audit. */
    public static Report compute(ReportData data, SlaPolicy policy, Period period) {
        return new Figures(data, policy, period).report(data);
    }

    private Report report(ReportData data) {
        Period before = period.previous();
        return new Report(
                period.label(),
                before.label(),
                "internal",
                policy.version(),
                period.zone().getId(),
                data.asOf(),
                glance(before),
                departments(),
                agents(),
                compensationLines(),
                breaches(),
                trend(),
                Definitions.all(false),
                null);
    }

    private Glance glance(Period before) {
        int ticketsBefore = tickets(clocksIn(before, c -> true));
        List<ClockRate> rates = new ArrayList<>();
        for (ClockType clock : clockTypes) {
            Rate now = rate(clocksIn(period, c -> c.clock().equals(clock)));
            Rate then = rate(clocksIn(before, c -> c.clock().equals(clock)));
            rates.add(new ClockRate(clock, now, then.metRate()));
        }
        List<ResponseTimes> times = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            List<ClockFact> responses =
                    clocksIn(
                            period,
                            c ->
                                    c.clock().equals(ClockType.RESPONSE)
                                            && c.attributes() != null
                                            && c.attributes().channel() == channel);
            List<Long> elapsed =
                    responses.stream()
                            .filter(
                                    c ->
                                            c.outcome().status() == OutcomeStatus.MET
                                                    || c.outcome().status()
                                                            == OutcomeStatus.MET_LATE)
                            .map(c -> c.outcome().elapsedBusinessSeconds())
                            .sorted()
                            .toList();
            if (elapsed.isEmpty()) {
                continue;
            }
            times.add(
                    new ResponseTimes(
                            channel,
                            elapsed.size(),
                            percentile(elapsed, 50),
                            percentile(elapsed, 90),
                            responses.stream()
                                    .mapToLong(c -> c.outcome().targetSeconds())
                                    .min()
                                    .orElseThrow(),
                            responses.stream()
                                    .mapToLong(c -> c.outcome().targetSeconds())
                                    .max()
                                    .orElseThrow(),
                            rate(responses).metRate()));
        }
        return new Glance(
                tickets(clocksIn(period, c -> true)),
                ticketsBefore == 0 ? null : ticketsBefore,
                rates,
                times);
    }

    private List<Department> departments() {
        Set<String> teams = new TreeSet<>();
        clocksIn(period, c -> true).forEach(c -> teams.add(facts.team(c.ticketId())));
        entriesIn(e -> e.subjectType() == SubjectType.TEAM).forEach(e -> teams.add(e.subjectId()));
        List<Department> departments = new ArrayList<>();
        for (String team : teams) {
            Predicate<String> ofTeam = ticketId -> team.equals(facts.team(ticketId));
            departments.add(
                    new Department(
                            team,
                            tickets(clocksIn(period, c -> ofTeam.test(c.ticketId()))),
                            rates(clocksIn(period, c -> ofTeam.test(c.ticketId()))),
                            cases(b -> ofTeam.test(b.alert().ticketId())),
                            pointsLost(SubjectType.TEAM, team),
                            actions(SubjectType.TEAM, team, LedgerKind.NOTICE).issued(),
                            compensated(compensationsIn(c -> ofTeam.test(c.ticketId())))));
        }
        return departments;
    }

    private List<Agent> agents() {
        Set<String> agents = new TreeSet<>();
        clocksIn(period, c -> c.responsible() != null).forEach(c -> agents.add(c.responsible()));
        entriesIn(e -> e.subjectType() == SubjectType.AGENT)
                .forEach(e -> agents.add(e.subjectId()));
        List<Agent> rows = new ArrayList<>();
        for (String agent : agents) {
            List<ClockFact> theirs = clocksIn(period, c -> agent.equals(c.responsible()));
            Set<String> confirmedTickets =
                    breachesIn(b -> agent.equals(b.responsible())).stream()
                            .filter(b -> facts.caseState(b).equals("CONFIRMED"))
                            .map(b -> b.alert().ticketId())
                            .collect(Collectors.toSet());
            rows.add(
                    new Agent(
                            agent,
                            theirs.stream()
                                    .map(c -> facts.team(c.ticketId()))
                                    .distinct()
                                    .sorted()
                                    .toList(),
                            tickets(theirs),
                            rates(theirs),
                            cases(b -> agent.equals(b.responsible())),
                            pointsLost(SubjectType.AGENT, agent),
                            actions(SubjectType.AGENT, agent, LedgerKind.WARNING),
                            actions(SubjectType.AGENT, agent, LedgerKind.TRAINING),
                            actions(SubjectType.AGENT, agent, LedgerKind.SUSPENSION),
                            compensated(
                                    compensationsIn(
                                            c -> confirmedTickets.contains(c.ticketId())))));
        }
        return rows;
    }

    private List<CompensationLine> compensationLines() {
        Map<String, Map<Integer, List<TicketCompensation>>> byTeam = new TreeMap<>();
        for (TicketCompensation given : compensationsIn(c -> true)) {
            int tier = given.tier() == null ? 0 : given.tier().rank();
            byTeam.computeIfAbsent(facts.team(given.ticketId()), t -> new TreeMap<>())
                    .computeIfAbsent(tier, t -> new ArrayList<>())
                    .add(given);
        }
        List<CompensationLine> lines = new ArrayList<>();
        byTeam.forEach(
                (team, tiers) ->
                        tiers.forEach(
                                (rank, given) ->
                                        lines.add(
                                                new CompensationLine(
                                                        team,
                                                        rank,
                                                        gives(given.get(0).tier()),
                                                        compensated(given)))));
        return lines;
    }

    /** What a tier gives, e.g. "COUPON 20%, UPGRADE 3 months". */
    static String gives(CompensationTier tier) {
        if (tier == null) {
            return "not a tier of this policy";
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
        return String.join(", ", parts);
    }

    private List<Breach> breaches() {
        List<Breach> rows = new ArrayList<>();
        for (BreachFact breach : breachesIn(b -> true)) {
            var attributes = breach.alert().attributes();
            TicketCompensation given = facts.compensation.get(breach.alert().ticketId());
            rows.add(
                    new Breach(
                            breach.alert().alertId(),
                            breach.alert().ticketId(),
                            breach.alert().clock(),
                            attributes == null ? null : attributes.channel(),
                            attributes == null ? null : attributes.priority(),
                            facts.team(breach.alert().ticketId()),
                            breach.responsible(),
                            breach.alert().deadline(),
                            breach.lateSeconds(),
                            facts.caseState(breach),
                            given == null || given.tier() == null ? null : given.tier().rank()));
        }
        return rows;
    }

    private List<TrendPoint> trend() {
        List<TrendPoint> points = new ArrayList<>();
        for (YearMonth month : period.trendMonths()) {
            Period one = Period.month(month, period.zone());
            List<ClockFact> clocks = clocksIn(one, c -> true);
            int confirmed =
                    (int)
                            facts.breaches.stream()
                                    .filter(b -> one.contains(b.alert().deadline()))
                                    .filter(b -> facts.caseState(b).equals("CONFIRMED"))
                                    .count();
            points.add(new TrendPoint(month.toString(), tickets(clocks), rates(clocks), confirmed));
        }
        return points;
    }

    private List<ClockFact> clocksIn(Period within, Predicate<ClockFact> filter) {
        return facts.clocks.stream()
                .filter(c -> within.contains(c.month()))
                .filter(filter)
                .toList();
    }

    private List<BreachFact> breachesIn(Predicate<BreachFact> filter) {
        return facts.breaches.stream()
                .filter(b -> period.contains(b.alert().deadline()))
                .filter(filter)
                .toList();
    }

    private List<LedgerEntry> entriesIn(Predicate<LedgerEntry> filter) {
        return facts.entries.stream()
                .filter(e -> e.month() != null && period.contains(YearMonth.parse(e.month())))
                .filter(filter)
                .toList();
    }

    private List<TicketCompensation> compensationsIn(Predicate<TicketCompensation> filter) {
        return facts.compensation.values().stream()
                .filter(c -> c.month() != null && period.contains(YearMonth.parse(c.month())))
                .filter(filter)
                .toList();
    }

    private Map<ClockType, Rate> rates(List<ClockFact> clocks) {
        Map<ClockType, Rate> rates = new TreeMap<>();
        for (ClockType clock : clockTypes) {
            rates.put(clock, rate(clocks.stream().filter(c -> c.clock().equals(clock)).toList()));
        }
        return rates;
    }

    static Rate rate(Collection<ClockFact> clocks) {
        int met = (int) clocks.stream().filter(c -> c.result() == ClockResult.MET).count();
        int breached =
                (int) clocks.stream().filter(c -> c.result() == ClockResult.BREACHED).count();
        return new Rate(met, breached, share(met, met + breached));
    }

    static Double share(int part, int whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part)
                        .divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_UP)
                        .doubleValue();
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static int tickets(List<ClockFact> clocks) {
        return (int) clocks.stream().map(ClockFact::ticketId).distinct().count();
    }

    private Cases cases(Predicate<BreachFact> whose) {
        List<BreachFact> breaches = breachesIn(whose.and(facts::hasConsequences));
        Map<String, Long> states =
                breaches.stream()
                        .collect(Collectors.groupingBy(facts::caseState, Collectors.counting()));
        return new Cases(
                breaches.size(),
                states.getOrDefault("CONFIRMED", 0L).intValue(),
                states.getOrDefault("WAIVED", 0L).intValue(),
                states.getOrDefault("RETRACTED", 0L).intValue(),
                states.getOrDefault("UNDECIDED", 0L).intValue());
    }

    private int pointsLost(SubjectType type, String id) {
        return -entriesIn(e -> e.subjectType() == type && id.equals(e.subjectId())).stream()
                .map(LedgerEntry::points)
                .filter(Objects::nonNull)
                .mapToInt(Integer::intValue)
                .sum();
    }

    private Carried actions(SubjectType type, String id, LedgerKind kind) {
        return carried(
                facts.ledger.actions().stream()
                        .filter(a -> a.entry().kind() == kind)
                        .filter(a -> a.entry().subjectType() == type)
                        .filter(a -> id.equals(a.entry().subjectId()))
                        .filter(a -> period.contains(YearMonth.parse(a.entry().month())))
                        .map(Action::state)
                        .toList());
    }

    private static Carried compensated(List<TicketCompensation> given) {
        return carried(given.stream().map(TicketCompensation::state).toList());
    }

    private static Carried carried(List<ActionState> states) {
        return new Carried(
                states.size(),
                (int) states.stream().filter(s -> s == ActionState.DONE).count(),
                (int) states.stream().filter(s -> s == ActionState.OVERDUE).count(),
                (int) states.stream().filter(s -> s == ActionState.OPEN).count());
    }
}

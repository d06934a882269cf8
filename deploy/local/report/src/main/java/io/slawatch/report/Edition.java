package io.slawatch.report;

import io.slawatch.policy.PublicAgents;
import io.slawatch.report.Report.Agent;
import io.slawatch.report.Report.Breach;
import java.util.Comparator;
import java.util.List;

/** Who a report is for: internal shows everything; public holds no ticket, customer or agent id. */
public enum Edition {
    INTERNAL,
    PUBLIC;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The public edition of an internal report: agents under pseudonyms (or none, as the policy
     * says), breaches without alert or ticket ids. {@code pseudonyms} is needed for PSEUDONYMS.
     */
    public static Report publicOf(Report internal, PublicAgents shown, Pseudonyms pseudonyms) {
        if (internal.audit() != null) {
            throw new IllegalArgumentException("the audit lists ids: it has no public edition");
        }
        boolean named = shown == PublicAgents.PSEUDONYMS;
        List<Agent> agents =
                named
                        ? internal.agents().stream()
                                .map(a -> withName(a, pseudonyms.of(a.agent())))
                                .sorted(Comparator.comparing(Agent::agent))
                                .toList()
                        : null;
        List<Breach> breaches =
                internal.breaches().stream()
                        .map(
                                b ->
                                        new Breach(
                                                null,
                                                null,
                                                b.clock(),
                                                b.channel(),
                                                b.priority(),
                                                b.team(),
                                                named && b.agent() != null
                                                        ? pseudonyms.of(b.agent())
                                                        : null,
                                                b.deadline(),
                                                b.lateSeconds(),
                                                b.caseState(),
                                                b.compensationTier()))
                        .toList();
        return new Report(
                internal.period(),
                internal.previousPeriod(),
                PUBLIC.label(),
                internal.policyVersion(),
                internal.zone(),
                internal.asOf(),
                internal.glance(),
                internal.departments(),
                agents,
                internal.compensation(),
                breaches,
                internal.trend(),
                Definitions.all(named),
                null);
    }

    private static Agent withName(Agent agent, String name) {
        return new Agent(
                name,
                agent.teams(),
                agent.tickets(),
                agent.clocks(),
                agent.breaches(),
                agent.pointsLost(),
                agent.warnings(),
                agent.trainings(),
                agent.suspensions(),
                agent.compensation());
    }
}

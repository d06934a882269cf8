package io.slawatch.consequence;

import io.slawatch.model.ClockType;

/**
 * A case's confirmation, or the retraction of a confirmed one, as the agent's and the team's
 * penalties see it.
 *
 * @param agentId null when no agent is held responsible
 * @param month yyyy-MM of the breach's deadline
 * @param at the event time of the decision, epoch milliseconds
 * @param opening which opening of the alert's case: 1, or more once a retracted breach became due
 *     again (a version for open tickets moved its deadline back)
 */
public record Verdict(
        String alertId,
        String ticketId,
        ClockType clock,
        String agentId,
        String team,
        String month,
        long at,
        boolean retracted,
        String policyVersion,
        int opening) {

    /** What this case's entries are named after: see {@link BreachCase#caseId}. */
    public String caseId() {
        return BreachCase.caseId(alertId, opening);
    }
}

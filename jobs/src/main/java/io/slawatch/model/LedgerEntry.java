package io.slawatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One immutable entry of the consequences ledger ({@code slawatch.ledger}): a decision about a
 * breach, its agent, team or customer. The deterministic {@code entryId} makes a repeated entry (a
 * replay, an at-least-once retry) identical to the first; nothing is ever changed, a REVERSAL
 * undoes.
 *
 * @param subjectId the agent, the team, the customer (or the ticket without a customerId), or for a
 *     CASE the alert id
 * @param month yyyy-MM, in the policy's month zone, of the breach's deadline
 * @param points negative for a deduction
 * @param from first local date (yyyy-MM-dd) of a SUSPENSION
 * @param to last local date of a SUSPENSION
 * @param dueBy when an action must be DONE, or a case decided
 * @param at the event time of the decision
 * @param decidedBy the reviewer, or {@link #POLICY}
 * @param reverses the entry a REVERSAL undoes
 * @param actionId the action a DONE or OVERDUE entry is about
 * @param targetKind the kind of the entry a REVERSAL undoes, or of the action a DONE or OVERDUE
 *     entry is about
 * @param relatedAlertIds a NOTICE's confirmed breaches of the month
 * @param relatedAgentIds the agents of a NOTICE's breaches
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntry(
        String entryId,
        LedgerKind kind,
        SubjectType subjectType,
        String subjectId,
        String alertId,
        String ticketId,
        ClockType clock,
        String month,
        Integer points,
        Integer couponPercent,
        Integer upgradeMonths,
        String from,
        String to,
        Instant dueBy,
        Instant at,
        String decidedBy,
        String reason,
        String reverses,
        String actionId,
        LedgerKind targetKind,
        List<String> relatedAlertIds,
        List<String> relatedAgentIds,
        String policyVersion) {

    /** {@code decidedBy} of what the policy decided, not a person. */
    public static final String POLICY = "policy";

    public LedgerEntry {
        relatedAlertIds = relatedAlertIds == null ? null : List.copyOf(relatedAlertIds);
        relatedAgentIds = relatedAgentIds == null ? null : List.copyOf(relatedAgentIds);
    }
}

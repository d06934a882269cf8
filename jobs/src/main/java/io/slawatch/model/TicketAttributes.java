package io.slawatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a ticket is and who holds it, as of an alert, a clock view or an outcome: the attributes
 * every output carries so that dashboards and alerting systems can filter and route without a
 * lookup. Embedded flat in JSON ({@code @JsonUnwrapped}), so the contracts name these fields at the
 * top level of each document; absent ones are left out, as in the documents that embed them. Never
 * personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketAttributes(
        Channel channel,
        Priority priority,
        Complexity complexity,
        String agentId,
        String techId,
        String team,
        String region,
        String policyVersion,
        String customerId) {

    /**
     * Who answers for {@code clock}: the technician for ARRIVAL, the agent for the others; null
     * when nobody is named.
     */
    public String responsibleFor(ClockType clock) {
        return ClockType.ARRIVAL.equals(clock) ? techId : agentId;
    }
}

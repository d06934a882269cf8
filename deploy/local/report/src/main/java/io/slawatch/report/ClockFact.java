package io.slawatch.report;

import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
import io.slawatch.model.TicketAttributes;
import java.time.YearMonth;

/**
 * One clock cycle as the report counts it, in the month of its deadline.
 *
 * @param outcome how the cycle ended, or RUNNING when the data ends first
 */
public record ClockFact(ClockOutcome outcome, YearMonth month, ClockResult result) {

    public String ticketId() {
        return outcome.ticketId();
    }

    public ClockType clock() {
        return outcome.clock();
    }

    public TicketAttributes attributes() {
        return outcome.attributes();
    }

    /** Who answers for the clock, as the consequences count it. */
    public String responsible() {
        return outcome.attributes() == null
                ? null
                : outcome.attributes().responsibleFor(outcome.clock());
    }
}

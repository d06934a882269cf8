package io.slawatch.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every figure of a report ({@code report.json}); the page and the CSV files show these and nothing
 * else. Rates are shares of decided clocks (met or breached), null when none was decided. Durations
 * are business seconds of the clock's calendar.
 *
 * @param edition internal or public
 * @param asOf the newest event time in the data
 * @param agents null when the edition shows no agents
 * @param breaches each level-1 BREACHED alert of the period
 * @param trend the last six months, oldest first
 * @param definitions how each figure is computed, one line each, by the figure's name
 * @param audit the quarter's reconciliation; null for a month
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(
        String period,
        String previousPeriod,
        String edition,
        String policyVersion,
        String zone,
        Instant asOf,
        Glance glance,
        List<Department> departments,
        List<Agent> agents,
        List<CompensationLine> compensation,
        List<Breach> breaches,
        List<TrendPoint> trend,
        Map<String, String> definitions,
        AuditResult audit) {

    /** Met and breached clocks of one kind, and the met rate. */
    public record Rate(int met, int breached, Double metRate) {}

    /** The period's headline: tickets, met rate per clock (and the previous period's). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Glance(
            int tickets,
            Integer ticketsBefore,
            List<ClockRate> clocks,
            List<ResponseTimes> responseTimes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClockRate(ClockType clock, Rate rate, Double metRateBefore) {}

    /**
     * Response times of one channel, as the RESPONSE clock measured them (stopped clocks only).
     *
     * @param targetMinSeconds the shortest of the targets the channel's tickets had
     * @param withinTarget the share of decided responses that met their target
     */
    public record ResponseTimes(
            Channel channel,
            int responses,
            long p50Seconds,
            long p90Seconds,
            long targetMinSeconds,
            long targetMaxSeconds,
            Double withinTarget) {}

    /** Breaches of the period by what their case became; a breach without a case is not here. */
    public record Cases(int suspected, int confirmed, int waived, int retracted, int undecided) {

        /** The counts in the order every table shows them. */
        List<Integer> inOrder() {
            return List.of(suspected, confirmed, waived, retracted, undecided);
        }
    }

    /** Actions of one kind issued in the period, and what became of them. */
    public record Carried(int issued, int done, int overdue, int open) {}

    public record Department(
            String team,
            int tickets,
            Map<ClockType, Rate> clocks,
            Cases breaches,
            int pointsLost,
            int notices,
            Carried compensation) {}

    /**
     * One agent or technician: what their clocks did and what followed.
     *
     * @param agent the id, or its pseudonym in the public edition
     * @param teams the teams of their tickets
     * @param compensation compensation of the tickets of their confirmed breaches
     */
    public record Agent(
            String agent,
            List<String> teams,
            int tickets,
            Map<ClockType, Rate> clocks,
            Cases breaches,
            int pointsLost,
            Carried warnings,
            Carried trainings,
            Carried suspensions,
            Carried compensation) {}

    /** One department's compensation of one tier: tickets given it, and whether it was given. */
    public record CompensationLine(String team, int tier, String gives, Carried tickets) {}

    /**
     * A level-1 BREACHED alert of the period.
     *
     * @param alertId null in the public edition, as is ticketId
     * @param lateSeconds null while its clock runs
     * @param caseState CONFIRMED, WAIVED, RETRACTED, UNDECIDED, or NONE for a clock without
     *     consequences
     * @param compensationTier the ticket's compensation tier in force, if any
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Breach(
            String alertId,
            String ticketId,
            ClockType clock,
            Channel channel,
            Priority priority,
            String team,
            String agent,
            Instant deadline,
            Long lateSeconds,
            String caseState,
            Integer compensationTier) {}

    /** One month of the trend; clocks with nothing decided have a null rate. */
    public record TrendPoint(
            String month, int tickets, Map<ClockType, Rate> clocks, int confirmedBreaches) {}
}

package io.slawatch.model;

/**
 * One countable thing that happened to a ticket, at the instant it counts for: a clock finished, a
 * breach raised or retracted. Statistics are sums of samples.
 *
 * @param at epoch milliseconds of the instant the sample counts for
 * @param elapsedSeconds business seconds from start to finish, for MET and MET_LATE
 * @param lateSeconds business seconds past the deadline, for MET_LATE
 */
public record StatsSample(
        SampleKind kind,
        long at,
        ClockType clock,
        TicketAttributes attributes,
        long elapsedSeconds,
        long lateSeconds) {}

package io.slawatch.policy;

import io.slawatch.calendar.WorkingDays;
import io.slawatch.model.ClockType;
import java.io.Serializable;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * What follows a BREACHED alert of one of {@code clocks}: its verification, the agent's and the
 * department's penalties and the customer's compensation (the policy's {@code consequences}).
 * Counts in working days are of {@code workingDays}; months are calendar months in {@code
 * monthZone}, and a breach counts in the month of its deadline.
 *
 * @param verifyWithin working days the supervision team has to decide a case
 * @param actionsDueWithin working days to carry out a decided action (WARNING, APOLOGY, …)
 * @param trainingDueWithin working days to finish the TRAINING of an agent's first breach
 * @param suspensionAt the agent's confirmed breaches in a month that bring a SUSPENSION
 * @param noticeAt the department's confirmed breaches in a month that bring a NOTICE
 * @param tiers compensation by lateness, lowest first
 */
public record ConsequencePolicy(
        Set<ClockType> clocks,
        String calendar,
        WorkingDays workingDays,
        ZoneId monthZone,
        int verifyWithin,
        UndecidedCase whenUndecided,
        int actionsDueWithin,
        int agentPointsPerBreach,
        int trainingDueWithin,
        int suspensionAt,
        int suspensionDays,
        int teamPointsPerBreach,
        int noticeAt,
        List<CompensationTier> tiers)
        implements Serializable {

    public ConsequencePolicy {
        clocks = Set.copyOf(clocks);
        tiers = List.copyOf(tiers);
    }

    public boolean applies(ClockType clock) {
        return clocks.contains(clock);
    }

    /** The month a breach with this deadline counts in. */
    public YearMonth month(Instant deadline) {
        return YearMonth.from(deadline.atZone(monthZone));
    }

    /** The tier of a breach this many seconds late; null when no tier covers it. */
    public CompensationTier tier(long lateSeconds) {
        for (CompensationTier tier : tiers) {
            if (tier.covers(lateSeconds)) {
                return tier;
            }
        }
        return null;
    }
}

package io.slawatch.policy;

import java.io.Serializable;
import java.time.Duration;

/**
 * What a customer gets for a confirmed breach whose clock ended this late: tiers are ordered, a
 * ticket gets its highest one.
 *
 * @param rank 1 for the lowest tier
 * @param lateUpTo the lateness this tier covers, inclusive; null for the open-ended top tier
 */
public record CompensationTier(
        int rank, Duration lateUpTo, int couponPercent, int upgradeMonths, boolean manualReview)
        implements Serializable {

    public boolean covers(long lateSeconds) {
        return lateUpTo == null || lateSeconds <= lateUpTo.getSeconds();
    }
}

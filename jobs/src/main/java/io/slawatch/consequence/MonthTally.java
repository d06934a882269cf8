package io.slawatch.consequence;

import java.util.ArrayList;
import java.util.List;

/**
 * One agent's or team's confirmed breaches of one month, and the threshold actions they hold, in
 * the keyed state of a {@link MonthlyPenaltyFunction} (a Flink POJO). A held id is null when the
 * threshold is not reached, or its action was reversed.
 */
public class MonthTally {
    /** Confirmed breaches, in confirmation order. */
    public List<String> alertIds = new ArrayList<>();

    /** The agent of each breach, "" for none (read by team tallies). */
    public List<String> agentIds = new ArrayList<>();

    /**
     * Whether {@link #alertIds} are also keys of the function's counted breaches; false only in a
     * tally restored from before those keys, which gets them on its first verdict.
     */
    public boolean breachesKeyed;

    /** Threshold actions issued this month, reversed ones included: ids use it. */
    public int issued;

    public String warningId;
    public String trainingId;
    public String suspensionId;
    public String noticeId;

    /** When the month's tally is dropped (epoch milliseconds). */
    public long clearAt;

    public MonthTally() {}

    int count() {
        return alertIds.size();
    }
}

package io.slawatch.consequence;

import io.slawatch.model.ClockType;

/**
 * The case of one BREACHED alert, in {@link CaseFunction}'s keyed state (a Flink POJO: public
 * fields, no-arg constructor). Times are epoch milliseconds.
 */
public class BreachCase {
    public String alertId;
    public ClockType clock;
    public int cycle;
    public long deadline;
    public String month;

    /** The agentId (RESPONSE, RESOLUTION) or techId (ARRIVAL) held responsible; null for none. */
    public String agentId;

    public String team;

    /** The customer subject: the ticket's customerId, or its ticketId without one. */
    public String customerId;

    public String policyVersion;
    public CaseStatus status;
    public long verifyBy;

    /** When the case was opened or decided last: nothing about it can be dated earlier. */
    public long changedAt;

    /** Seconds the clock ended after its deadline; {@link #UNKNOWN} while it runs. */
    public long lateSeconds = UNKNOWN;

    public static final long UNKNOWN = -1;

    /**
     * 1, then one more each time a RETRACTED case's alert breaches again (a version for open
     * tickets moved its deadline later, then it passed): each opening's entries have ids of their
     * own.
     */
    public int opening = 1;

    public BreachCase() {}

    boolean lateKnown() {
        return lateSeconds != UNKNOWN;
    }

    String caseId() {
        return caseId(alertId, opening);
    }

    /**
     * The alert id for a first opening, else {@code alertId#opening}: what entry ids start with.
     */
    static String caseId(String alertId, int opening) {
        return opening == 1 ? alertId : alertId + "#" + opening;
    }
}

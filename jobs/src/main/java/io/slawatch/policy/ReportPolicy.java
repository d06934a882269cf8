package io.slawatch.policy;

import java.io.Serializable;

/**
 * What the policy says about the monthly report.
 *
 * @param publicAgents how the public edition shows agents
 */
public record ReportPolicy(PublicAgents publicAgents) implements Serializable {

    /** A policy without a {@code report} section publishes departments only. */
    public static final ReportPolicy DEFAULT = new ReportPolicy(PublicAgents.NONE);
}

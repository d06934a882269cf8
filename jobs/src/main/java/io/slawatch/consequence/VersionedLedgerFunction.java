package io.slawatch.consequence;

import io.slawatch.detect.TicketSlaFunction;
import io.slawatch.model.LedgerEntry;
import io.slawatch.policy.ConsequencePolicy;
import io.slawatch.policy.PolicyException;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.PolicyVersions;
import io.slawatch.policy.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ledger operator whose rules are those of the policy version each breach's ticket ran on (the
 * alert's {@code policyVersion}): a customer keeps the consequences promised when the ticket was
 * created, as they keep its targets. Versions come with a bounded run or on the broadcast input
 * ({@code slawatch.policies}, whose event time never counts: {@code
 * KeyedEventTimeBroadcastOperator}), and stay in broadcast state, so savepoints carry them.
 *
 * <p>A version is dropped once no breach of it can still be decided or counted: a month and its
 * safety horizon after detection stopped running tickets on it. A breach of a version not known
 * here (restored from before versions were kept, or dropped) follows the start policy.
 */
abstract class VersionedLedgerFunction<I>
        extends KeyedBroadcastProcessFunction<String, I, PolicyVersion, LedgerEntry>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(VersionedLedgerFunction.class);

    /** The longest a breach counts after its deadline: to the end of its deadline's month. */
    private static final Duration LONGEST_MONTH = Duration.ofDays(31);

    private final SlaPolicy startPolicy;
    private final List<PolicyVersion> givenVersions;

    /** The broadcast state's versions, loaded; rebuilt on restore. */
    private transient PolicyVersions versions;

    /**
     * @param versions a bounded run's versions, in the order they were published
     */
    VersionedLedgerFunction(SlaPolicy startPolicy, List<PolicyVersion> versions) {
        if (startPolicy.consequences() == null) {
            throw new IllegalArgumentException(
                    "policy " + startPolicy.version() + " has no 'consequences' section");
        }
        this.startPolicy = startPolicy;
        this.givenVersions = List.copyOf(versions);
    }

    /** The policy {@code version} names, or the start policy when it is not known. */
    final SlaPolicy policy(String version) {
        SlaPolicy policy = version == null ? null : versions.get(version);
        return policy != null ? policy : startPolicy;
    }

    /** The consequences of {@code version}: null when that version has none. */
    final ConsequencePolicy rules(String version) {
        return policy(version).consequences();
    }

    @Override
    public final void processBroadcastElement(
            PolicyVersion version, Context ctx, Collector<LedgerEntry> out) throws Exception {
        try {
            if (!versions.add(version)) {
                return;
            }
        } catch (PolicyException e) {
            // Detection reads the same record and quarantines it with its reason.
            return;
        }
        ctx.getBroadcastState(TicketSlaFunction.POLICY_VERSIONS).put(version.version(), version);
        Instant now = Instant.ofEpochMilli(ctx.currentWatermark());
        for (String unused :
                versions.unusedAt(now, policy -> LONGEST_MONTH.plus(policy.safetyHorizon()))) {
            versions.remove(unused);
            ctx.getBroadcastState(TicketSlaFunction.POLICY_VERSIONS).remove(unused);
            LOG.info("policy version {} dropped: no breach of it can count any more", unused);
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        // The versions are in broadcast state, which Flink snapshots itself.
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        versions = new PolicyVersions();
        for (PolicyVersion given : givenVersions) {
            versions.add(given);
        }
        for (Map.Entry<String, PolicyVersion> kept :
                context.getOperatorStateStore()
                        .getBroadcastState(TicketSlaFunction.POLICY_VERSIONS)
                        .entries()) {
            versions.add(kept.getValue());
        }
    }
}

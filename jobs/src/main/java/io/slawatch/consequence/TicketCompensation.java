package io.slawatch.consequence;

import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.SubjectType;
import io.slawatch.policy.CompensationTier;
import io.slawatch.policy.ConsequencePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

/**
 * A ticket's one compensation in {@link CaseFunction}'s keyed state: the highest tier among its
 * confirmed breaches of known lateness. A different tier reverses the entries held and issues its
 * own. The state is cleared with the ticket's cases by the case operator's clean-up timer; without
 * it, the held tier would stay forever.
 */
final class TicketCompensation {

    private final ValueState<Compensation> held;
    private final IssuedEntries issued;
    private final Function<BreachCase, ConsequencePolicy> rules;

    /**
     * @param issued where the compensation's entries are kept for their reversal
     * @param rules the consequences of the version a breach's ticket ran on
     */
    TicketCompensation(
            RuntimeContext runtime,
            IssuedEntries issued,
            Function<BreachCase, ConsequencePolicy> rules) {
        this.held =
                runtime.getState(
                        new ValueStateDescriptor<>(
                                "compensation", TypeInformation.of(Compensation.class)));
        this.issued = issued;
        this.rules = rules;
    }

    /** Brings the compensation of {@code ticketId} to the tier its {@code cases} earn now. */
    void update(String ticketId, Iterable<BreachCase> cases, long at, Collector<LedgerEntry> out)
            throws Exception {
        BreachCase best = null;
        CompensationTier bestTier = null;
        for (BreachCase breach : cases) {
            if (breach.status != CaseStatus.CONFIRMED || !breach.lateKnown()) {
                continue;
            }
            CompensationTier tier = rules.apply(breach).tier(breach.lateSeconds);
            if (tier != null
                    && (bestTier == null
                            || tier.rank() > bestTier.rank()
                            || (tier.rank() == bestTier.rank()
                                    && breach.alertId.compareTo(best.alertId) < 0))) {
                best = breach;
                bestTier = tier;
            }
        }
        Compensation compensation = held.value();
        if (compensation == null) {
            compensation = new Compensation();
        }
        int rank = bestTier == null ? 0 : bestTier.rank();
        if (rank == compensation.rank) {
            return;
        }
        String why =
                rank > compensation.rank
                        ? "replaced by the higher tier " + rank
                        : "its breach was retracted; tier " + rank + " holds now";
        for (String entryId : compensation.entryIds) {
            issued.reverse(entryId, at, why, out);
        }
        compensation.entryIds = new ArrayList<>();
        compensation.rank = rank;
        if (bestTier != null) {
            compensation.issued++;
            issue(ticketId, compensation, best, bestTier, at, out);
        }
        held.update(compensation);
    }

    void clear() {
        held.clear();
    }

    private void issue(
            String ticketId,
            Compensation compensation,
            BreachCase breach,
            CompensationTier tier,
            long at,
            Collector<LedgerEntry> out)
            throws Exception {
        ConsequencePolicy policy = rules.apply(breach);
        String prefix = ticketId + ":COMPENSATION:" + compensation.issued + ":";
        String reason =
                breach.clock
                        + " "
                        + Duration.ofSeconds(breach.lateSeconds)
                        + " late: tier "
                        + tier.rank()
                        + " of "
                        + policy.tiers().size();
        Instant dueBy =
                policy.workingDays().within(Instant.ofEpochMilli(at), policy.actionsDueWithin());
        List<Entries> entries = new ArrayList<>();
        if (tier.couponPercent() > 0) {
            entries.add(
                    entry(breach, ticketId, prefix, LedgerKind.COUPON, at, dueBy)
                            .coupon(tier.couponPercent())
                            .reason(reason));
        }
        if (tier.upgradeMonths() > 0) {
            entries.add(
                    entry(breach, ticketId, prefix, LedgerKind.UPGRADE, at, dueBy)
                            .upgrade(tier.upgradeMonths())
                            .reason(reason));
        }
        if (tier.manualReview()) {
            entries.add(
                    entry(breach, ticketId, prefix, LedgerKind.MANUAL_REVIEW, at, dueBy)
                            .reason(reason + ": people negotiate the compensation"));
        }
        for (Entries entry : entries) {
            compensation.entryIds.add(issued.issue(entry, out));
        }
    }

    private static Entries entry(
            BreachCase breach,
            String ticketId,
            String prefix,
            LedgerKind kind,
            long at,
            Instant dueBy) {
        return Entries.about(
                        breach,
                        ticketId,
                        prefix + kind,
                        kind,
                        SubjectType.CUSTOMER,
                        breach.customerId)
                .at(at)
                .dueBy(dueBy);
    }
}

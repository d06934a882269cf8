package io.slawatch.detect;

import io.slawatch.policy.Percent;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.policy.TargetRule;
import io.slawatch.state.ClockState;
import io.slawatch.state.TicketState;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A clock cycle's target under one policy version: the most specific rule for the ticket's
 * attributes now, extended by the peak windows of its creation time, counted from the cycle's
 * start.
 */
final class TargetChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SlaPolicy policy;

    TargetChoice(SlaPolicy policy) {
        this.policy = policy;
    }

    /** Sets {@code clock}'s target, calendar and rule line from {@code state}'s attributes. */
    void choose(TicketState state, ClockState clock) {
        TargetRule rule =
                policy.clock(clock.type).targetFor(state.channel, state.priority, state.complexity);
        Percent extension = policy.peaks().extensionAt(Instant.ofEpochMilli(state.createdAt));
        Duration target =
                rule.targetFrom(
                        Instant.ofEpochMilli(clock.startedAt), policy.calendar(rule.calendar()));
        clock.targetSeconds = target.plus(extension.of(target)).getSeconds();
        clock.extensionBasisPoints = extension.basisPoints();
        clock.calendar = rule.calendar();
        clock.targetRuleLine = rule.line();
    }
}

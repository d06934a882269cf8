package io.slawatch.policy;

import java.io.Serializable;
import java.time.Duration;

/**
 * An escalation level after the deadline (BREACHED is level 1): {@code after} a share of the
 * target, or a fixed business duration, past the deadline; exactly one is set.
 */
public record Escalation(int level, Percent afterShare, Duration afterDuration)
        implements Serializable {

    public Escalation {
        if (level < 2) {
            throw new IllegalArgumentException("escalation levels start at 2");
        }
        if ((afterShare == null) == (afterDuration == null)) {
            throw new IllegalArgumentException("an escalation has one 'after'");
        }
    }

    /** Business time from the deadline to this level. */
    public Duration delayAfterDeadline(Duration target) {
        return afterDuration != null ? afterDuration : afterShare.of(target);
    }

    @Override
    public String toString() {
        return "level "
                + level
                + " at "
                + (afterDuration != null ? afterDuration : afterShare + " of the target")
                + " past the deadline";
    }
}

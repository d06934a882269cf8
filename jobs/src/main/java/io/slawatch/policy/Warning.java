package io.slawatch.policy;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * When a clock is at risk: a lead time {@code before} the deadline, or a share of the target {@code
 * elapsed}; exactly one is set. Both are measured in the clock's calendar.
 */
public record Warning(Duration before, Percent elapsed) implements Serializable {

    public Warning {
        if ((before == null) == (elapsed == null)) {
            throw new IllegalArgumentException("a warning has either 'before' or 'elapsed'");
        }
    }

    /**
     * Business time from the clock's start to the warning; empty when the warning would not come
     * after the start (a lead time as long as the target), so it is skipped.
     */
    public Optional<Duration> offsetFromStart(Duration target) {
        Duration offset = before != null ? target.minus(before) : elapsed.of(target);
        return offset.isNegative() || offset.isZero() ? Optional.empty() : Optional.of(offset);
    }

    @Override
    public String toString() {
        return before != null ? before + " before the deadline" : elapsed + " elapsed";
    }
}

package io.slawatch.policy;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Peak windows and the policy-wide cap: the extensions of all windows a ticket was created in add
 * up, and the sum never exceeds the cap.
 */
public record PeakPolicy(Percent cap, List<PeakWindow> windows) implements Serializable {

    public static final PeakPolicy NONE = new PeakPolicy(new Percent(0), List.of());

    public PeakPolicy {
        windows = List.copyOf(windows);
    }

    /** The extension for a ticket created at {@code createdAt}, capped. */
    public Percent extensionAt(Instant createdAt) {
        int sum = 0;
        for (PeakWindow window : windows) {
            if (window.contains(createdAt)) {
                sum += window.extension().basisPoints();
            }
        }
        return new Percent(Math.min(sum, cap.basisPoints()));
    }

    /** {@code target} extended for a ticket created at {@code createdAt}. */
    public Duration extend(Duration target, Instant createdAt) {
        Percent extension = extensionAt(createdAt);
        return extension.isZero() ? target : target.plus(extension.of(target));
    }
}

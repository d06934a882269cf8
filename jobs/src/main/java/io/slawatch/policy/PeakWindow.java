package io.slawatch.policy;

import java.io.Serializable;
import java.time.Instant;

/** A peak period: targets of tickets created in {@code [from, to)} are extended. */
public record PeakWindow(String name, Instant from, Instant to, Percent extension)
        implements Serializable {

    public boolean contains(Instant createdAt) {
        return !createdAt.isBefore(from) && createdAt.isBefore(to);
    }
}

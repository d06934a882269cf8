package io.slawatch.time;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A {@link WallClock} as a {@link Clock} in UTC, for code that takes a Clock. */
public final class WallClockTime extends Clock implements Serializable {

    private static final long serialVersionUID = 1L;

    private final WallClock wallClock;

    public WallClockTime(WallClock wallClock) {
        this.wallClock = wallClock;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a wall clock is in UTC");
    }

    @Override
    public long millis() {
        return wallClock.millis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}

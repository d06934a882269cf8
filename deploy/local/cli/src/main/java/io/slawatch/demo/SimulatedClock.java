package io.slawatch.demo;

import io.slawatch.time.WallClock;

/**
 * Simulated time: starts at {@code simulatedStart} when created and runs {@code speed} times faster
 * than real time. The demo's job reads it as its wall clock, so quiet-stream watermarks and timers
 * follow simulated time.
 */
public record SimulatedClock(long realStart, long simulatedStart, double speed)
        implements WallClock {

    public static SimulatedClock startingAt(long simulatedStart, double speed) {
        return new SimulatedClock(System.currentTimeMillis(), simulatedStart, speed);
    }

    @Override
    public long millis() {
        return simulatedStart + (long) ((System.currentTimeMillis() - realStart) * speed);
    }

    /** Real milliseconds from now until the simulated instant {@code simulated}. */
    public long realMillisUntil(long simulated) {
        return (long) ((simulated - millis()) / speed);
    }
}

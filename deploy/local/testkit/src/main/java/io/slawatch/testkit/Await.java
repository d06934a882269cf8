package io.slawatch.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/** Time-bounded polling of a condition that no event announces. */
public final class Await {

    public static final Duration POLL = Duration.ofMillis(100);

    private Await() {}

    /**
     * The first value of {@code probe} that satisfies {@code done}, or the last one at the
     * deadline.
     */
    public static <T> T until(Callable<T> probe, Predicate<T> done, Duration deadline)
            throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        T value = probe.call();
        while (!done.test(value) && System.nanoTime() < end) {
            LockSupport.parkNanos(POLL.toNanos());
            value = probe.call();
        }
        return value;
    }
}

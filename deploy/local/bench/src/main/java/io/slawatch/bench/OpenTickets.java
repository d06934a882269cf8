package io.slawatch.bench;

import io.slawatch.model.TicketEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The source of the state benchmark: every ticket's CREATED once, then, to keep the job running for
 * a savepoint, the first event again every {@link #IDLE_PAUSE} (a duplicate, which changes no
 * state).
 */
final class OpenTickets {

    static final Duration IDLE_PAUSE = Duration.ofMillis(100);

    private static final AtomicLong sent = new AtomicLong();
    private static volatile long total;

    private OpenTickets() {}

    static void reset(long tickets) {
        total = tickets;
        sent.set(0);
    }

    static TicketEvent next(Long index) {
        TicketEvent[] events = BenchEvents.events;
        if (index < total) {
            sent.incrementAndGet();
            return events[(int) (long) index];
        }
        LockSupport.parkNanos(IDLE_PAUSE.toNanos());
        return events[0];
    }

    /**
     * Waits until every CREATED has been handed to Flink: a savepoint triggered afterwards holds
     * them all, because its barrier follows them.
     */
    static void awaitAllSent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sent.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (sent.get() < total) {
            // A figure per ticket over fewer tickets would be wrong, not just slow.
            throw new IllegalStateException(
                    "only "
                            + sent.get()
                            + " of "
                            + total
                            + " tickets were created within "
                            + timeout);
        }
    }
}

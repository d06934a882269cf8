package io.slawatch.bench;

import io.slawatch.ingest.Decoded;
import io.slawatch.ingest.EventDecoder;
import io.slawatch.model.RawEvent;
import io.slawatch.model.TicketEvent;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.simulate.TicketSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulated traffic prepared for the benchmarks: the records as bytes, and the same records
 * decoded, held in this JVM so that a local MiniCluster's sources read them from memory.
 */
final class BenchEvents {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    /** Read by the in-memory source of the detection benchmark; set before each job runs. */
    static volatile TicketEvent[] events = new TicketEvent[0];

    /** The in-memory source's generator: event {@code index} of {@link #events}. */
    static TicketEvent read(Long index) {
        if (index == 0) {
            DetectionRun.Mark.firstEventRead();
        }
        return events[(int) (long) index];
    }

    final List<byte[]> records;
    final TicketEvent[] decoded;

    private BenchEvents(List<byte[]> records, TicketEvent[] decoded) {
        this.records = records;
        this.decoded = decoded;
    }

    static BenchEvents simulate(SlaPolicy policy, int tickets) {
        List<byte[]> records = new ArrayList<>();
        for (TicketSimulator.Delivery delivery :
                TicketSimulator.tickets(policy, 1, START, tickets).deliveries()) {
            records.add(delivery.line().getBytes(StandardCharsets.UTF_8));
        }
        EventDecoder decoder = decoder();
        List<TicketEvent> decoded = new ArrayList<>(records.size());
        long line = 0;
        for (byte[] record : records) {
            Decoded result = decoder.decode(new RawEvent("bench", RawEvent.FILE, ++line, record));
            if (result.ok()) {
                decoded.add(result.event());
            }
        }
        return new BenchEvents(records, decoded.toArray(TicketEvent[]::new));
    }

    /** A decoder whose clock is far ahead, so that no simulated time counts as the future. */
    static EventDecoder decoder() {
        return new EventDecoder(
                EventDecoder.DEFAULT_MAX_EVENT_BYTES,
                EventDecoder.DEFAULT_FUTURE_SKEW,
                Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}

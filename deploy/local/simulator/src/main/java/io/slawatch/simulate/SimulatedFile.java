package io.slawatch.simulate;

import io.slawatch.policy.SlaPolicy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Simulated traffic of any size written in delivery order, a day at a time, holding only the days
 * still being delivered in memory.
 */
public final class SimulatedFile {

    static final Duration DAY = Duration.ofDays(1);

    private SimulatedFile() {}

    /** Writes at least {@code records} records from {@code start} on; returns how many. */
    public static long write(
            SlaPolicy policy,
            long seed,
            Instant start,
            long records,
            double ticketsPerHour,
            Path file)
            throws IOException {
        PriorityQueue<TicketSimulator.Delivery> due =
                new PriorityQueue<>(Comparator.comparingLong(TicketSimulator.Delivery::deliverAt));
        long written = 0;
        int nextNumber = 1;
        Instant day = start;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < records) {
                TicketSimulator.Simulation simulation =
                        TicketSimulator.between(
                                policy,
                                seed + nextNumber,
                                day,
                                day.plus(DAY),
                                ticketsPerHour,
                                nextNumber);
                nextNumber += (int) simulation.stats().tickets();
                due.addAll(simulation.deliveries());
                day = day.plus(DAY);
                while (!due.isEmpty()
                        && due.peek().deliverAt() < day.toEpochMilli()
                        && written < records) {
                    out.write(due.poll().line());
                    out.newLine();
                    written++;
                }
            }
        }
        return written;
    }
}

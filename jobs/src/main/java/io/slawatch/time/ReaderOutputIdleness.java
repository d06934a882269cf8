package io.slawatch.time;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.RelativeClock;

/**
 * Event time of a source reader's main output, which Flink gives a generator of its own beside each
 * split's. The Kafka reader emits every record through its split's output, so this one never sees
 * an event; and Flink forwards its watermarks without taking the minimum with the splits', so one
 * that followed the wall clock would overtake every backlog the splits are still reading (their
 * events would all be late, their open clocks breached). It emits no watermark. Once the startup
 * grace has passed it marks the output idle, so that a subtask without a partition does not hold
 * event time back; Flink keeps the output active while any of its splits is.
 */
public final class ReaderOutputIdleness<T> implements WatermarkGenerator<T> {

    private final long startupGraceMillis;
    private final RelativeClock activity;
    private final long startedAt;

    /**
     * @param activity real time that does not run while the reader is held back (Flink's input
     *     activity clock), on which the startup grace is measured
     */
    public ReaderOutputIdleness(long startupGraceMillis, RelativeClock activity) {
        this.startupGraceMillis = startupGraceMillis;
        this.activity = activity;
        this.startedAt = activity.relativeTimeMillis();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (activity.relativeTimeMillis() - startedAt >= startupGraceMillis) {
            output.markIdle();
        }
    }
}

package io.slawatch.bench;

import io.slawatch.model.TicketEvent;
import io.slawatch.time.EventTime;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Event time of the in-memory benchmarks: a watermark every {@link #EVERY} events, as a live
 * source's periodic watermark advances under load. A periodic (wall-clock) watermark would let a
 * fast in-memory source finish before the first one, so that the job skips every deadline and
 * measures less work than it does live; a count keeps the work the same whatever the speed.
 */
final class EventCountWatermarks implements WatermarkGenerator<TicketEvent> {

    static final int EVERY = 1_000;

    private long highest = Long.MIN_VALUE;
    private int sinceLast;

    @Override
    public void onEvent(TicketEvent event, long timestamp, WatermarkOutput output) {
        highest = Math.max(highest, timestamp);
        if (++sinceLast >= EVERY) {
            sinceLast = 0;
            output.emitWatermark(
                    new Watermark(highest - EventTime.DEFAULT_OUT_OF_ORDERNESS.toMillis() - 1));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
}

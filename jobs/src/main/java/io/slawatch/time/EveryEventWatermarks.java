package io.slawatch.time;

import io.slawatch.ingest.DecodedRecord;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness, emitted after every event and never on a wall-clock period: the
 * watermarks depend on the input order alone, so a replay gives the same alerts whatever its speed.
 * The watermark is the highest event time seen minus the bound, minus 1 ms (as Flink's bounded
 * out-of-orderness), so an event exactly at the bound is not late.
 */
public final class EveryEventWatermarks<T extends DecodedRecord> implements WatermarkGenerator<T> {

    private final long boundMillis;
    private long highest = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;

    public EveryEventWatermarks(long boundMillis) {
        this.boundMillis = boundMillis;
    }

    @Override
    public void onEvent(T record, long eventTimestamp, WatermarkOutput output) {
        if (!record.ok()) {
            return;
        }
        highest = Math.max(highest, eventTimestamp);
        long watermark = highest - boundMillis - 1;
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
}

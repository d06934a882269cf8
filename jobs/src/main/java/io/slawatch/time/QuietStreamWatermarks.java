package io.slawatch.time;

import io.slawatch.ingest.Decoded;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Live event time for one source split: bounded out-of-orderness while events flow; once the split
 * has been quiet for the idle timeout, the watermark follows the wall clock (now − bound), so a
 * deadline passes and alerts within seconds even when no other event ever arrives.
 *
 * <p>A split that has delivered no event since this generator started (a fresh start, or a restart
 * whose backlog has not begun to arrive) waits {@code startupGrace} before following the wall
 * clock: catching up with a backlog must not see the wall clock run ahead of unread events. Once
 * events flow they come without pauses as long as a backlog remains, so quietness means the split
 * is caught up. Records that could not be decoded never move the watermark.
 */
public final class QuietStreamWatermarks implements WatermarkGenerator<Decoded> {

    private final long boundMillis;
    private final long idleMillis;
    private final long startupGraceMillis;
    private final WallClock clock;
    private final long startedAt;
    private long highest = Long.MIN_VALUE;
    private long lastEventAt = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;

    public QuietStreamWatermarks(
            long boundMillis, long idleMillis, long startupGraceMillis, WallClock clock) {
        this.boundMillis = boundMillis;
        this.idleMillis = idleMillis;
        this.startupGraceMillis = startupGraceMillis;
        this.clock = clock;
        this.startedAt = clock.millis();
    }

    @Override
    public void onEvent(Decoded record, long eventTimestamp, WatermarkOutput output) {
        if (record.ok()) {
            highest = Math.max(highest, eventTimestamp);
            lastEventAt = clock.millis();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.millis();
        long watermark = highest == Long.MIN_VALUE ? Long.MIN_VALUE : highest - boundMillis - 1;
        boolean quiet =
                lastEventAt == Long.MIN_VALUE
                        ? now - startedAt >= startupGraceMillis
                        : now - lastEventAt >= idleMillis;
        if (quiet) {
            watermark = Math.max(watermark, now - boundMillis - 1);
        }
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}

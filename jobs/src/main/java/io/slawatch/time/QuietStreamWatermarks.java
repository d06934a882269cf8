package io.slawatch.time;

import io.slawatch.ingest.DecodedRecord;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.RelativeClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live event time for one source split: bounded out-of-orderness while events flow; once the split
 * has been quiet for the idle timeout, the watermark follows the wall clock (now − bound), so a
 * deadline passes and alerts within seconds even when no other event ever arrives.
 *
 * <p>Quietness is measured on the split's input-activity clock, which Flink stops while the task is
 * backpressured: a backlog held back by a slow sink is not a quiet split, and must not see the wall
 * clock run ahead of its unread events (every open clock in it would breach falsely). A split that
 * has delivered no event since this generator started (a fresh start, or a restart whose backlog
 * has not begun to arrive) waits {@code startupGrace} of activity before following the wall clock.
 * Records that could not be decoded never move the watermark.
 */
public final class QuietStreamWatermarks<T extends DecodedRecord> implements WatermarkGenerator<T> {

    private static final Logger LOG = LoggerFactory.getLogger(QuietStreamWatermarks.class);

    private final long boundMillis;
    private final long idleMillis;
    private final long startupGraceMillis;
    private final WallClock clock;
    private final RelativeClock activity;
    private final long startedAt;
    private long highest = Long.MIN_VALUE;
    private long lastEventAt = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;
    private boolean announced;

    /**
     * @param clock the wall clock the watermark follows on a quiet split
     * @param activity real time that does not run while the split is held back (Flink's input
     *     activity clock); the idle timeout and the startup grace are measured on it
     */
    public QuietStreamWatermarks(
            long boundMillis,
            long idleMillis,
            long startupGraceMillis,
            WallClock clock,
            RelativeClock activity) {
        this.boundMillis = boundMillis;
        this.idleMillis = idleMillis;
        this.startupGraceMillis = startupGraceMillis;
        this.clock = clock;
        this.activity = activity;
        this.startedAt = activity.relativeTimeMillis();
    }

    @Override
    public void onEvent(T record, long eventTimestamp, WatermarkOutput output) {
        if (record.ok()) {
            highest = Math.max(highest, eventTimestamp);
            lastEventAt = activity.relativeTimeMillis();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long active = activity.relativeTimeMillis();
        long watermark = highest == Long.MIN_VALUE ? Long.MIN_VALUE : highest - boundMillis - 1;
        boolean quiet =
                lastEventAt == Long.MIN_VALUE
                        ? active - startedAt >= startupGraceMillis
                        : active - lastEventAt >= idleMillis;
        if (quiet && lastEventAt == Long.MIN_VALUE && !announced) {
            // Once: a restart whose backlog comes later than this breaches its open clocks.
            announced = true;
            LOG.info(
                    "No event within the startup grace of {} ms: event time follows the wall"
                            + " clock",
                    startupGraceMillis);
        }
        if (quiet) {
            watermark = Math.max(watermark, clock.millis() - boundMillis - 1);
        }
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}

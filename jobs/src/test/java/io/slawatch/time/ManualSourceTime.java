package io.slawatch.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.RelativeClock;

/**
 * Time as a source's watermark generator sees it, moved by hand: the wall clock, the input-activity
 * clock that stands still while the source is held back, and what the generator emitted.
 */
final class ManualSourceTime {

    static final long T0 = Instant.parse("2026-11-23T01:00:00Z").toEpochMilli();

    long now = T0;

    /** Real time the source was not held back; it stands still while the task is backpressured. */
    long active = 0;

    final List<Long> emitted = new ArrayList<>();

    /** Whether the output is marked idle: a watermark or {@code markActive} ends it. */
    boolean idle;

    final RelativeClock activity =
            new RelativeClock() {
                @Override
                public long relativeTimeMillis() {
                    return active;
                }

                @Override
                public long relativeTimeNanos() {
                    return active * 1_000_000;
                }
            };

    final WatermarkOutput output =
            new WatermarkOutput() {
                @Override
                public void emitWatermark(Watermark watermark) {
                    emitted.add(watermark.getTimestamp());
                    idle = false;
                }

                @Override
                public void markIdle() {
                    idle = true;
                }

                @Override
                public void markActive() {
                    idle = false;
                }
            };

    final WallClock wallClock = () -> now;

    /** Time passes, and the source is not held back. */
    void pass(long millis) {
        now += millis;
        active += millis;
    }

    /** Time passes while a slow sink backpressures the source. */
    void passBackpressured(long millis) {
        now += millis;
    }
}

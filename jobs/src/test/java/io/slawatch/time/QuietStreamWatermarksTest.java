package io.slawatch.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.ingest.Decoded;
import io.slawatch.model.EventType;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.RawEvent;
import io.slawatch.model.TicketEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

class QuietStreamWatermarksTest {

    static final long BOUND = 2_000;
    static final long IDLE = 1_000;
    static final long GRACE = 10_000;
    static final long T0 = Instant.parse("2026-11-23T01:00:00Z").toEpochMilli();

    long now = T0;

    /** Real time the split was not held back; it stands still while the task is backpressured. */
    long active = 0;

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
    final List<Long> emitted = new ArrayList<>();
    final WatermarkOutput output =
            new WatermarkOutput() {
                @Override
                public void emitWatermark(Watermark watermark) {
                    emitted.add(watermark.getTimestamp());
                }

                @Override
                public void markIdle() {}

                @Override
                public void markActive() {}
            };
    final QuietStreamWatermarks<Decoded> watermarks =
            new QuietStreamWatermarks<>(BOUND, IDLE, GRACE, () -> now, activity);

    /** Time passes, and the split is not held back. */
    void pass(long millis) {
        now += millis;
        active += millis;
    }

    /** Time passes while a slow sink backpressures the split. */
    void passBackpressured(long millis) {
        now += millis;
    }

    static Decoded event(long at) {
        return Decoded.of(
                new TicketEvent(
                        "e",
                        "T-1",
                        EventType.RESPONDED,
                        Instant.ofEpochMilli(at),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void shouldFollowTheEventsWhileTheyFlow() {
        watermarks.onEvent(event(T0 - 5_000), T0 - 5_000, output);
        pass(200);
        watermarks.onPeriodicEmit(output);
        watermarks.onEvent(event(T0 - 4_000), T0 - 4_000, output);
        pass(200);
        watermarks.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(T0 - 5_000 - BOUND - 1, T0 - 4_000 - BOUND - 1);
    }

    @Test
    void shouldFollowTheWallClockOnceTheSplitIsQuiet() {
        watermarks.onEvent(event(T0), T0, output);
        pass(999);
        watermarks.onPeriodicEmit(output);
        pass(1);
        watermarks.onPeriodicEmit(output);
        pass(30_000);
        watermarks.onPeriodicEmit(output);

        assertThat(emitted)
                .containsExactly(T0 - BOUND - 1, T0 + 1_000 - BOUND - 1, T0 + 31_000 - BOUND - 1);
    }

    @Test
    void shouldWaitTheStartupGraceBeforeFollowingTheWallClockWithoutAnyEvent() {
        pass(GRACE - 1);
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).isEmpty();

        pass(1);
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(now - BOUND - 1);
    }

    @Test
    void shouldNotRunAheadOfABacklogThatStartsArrivingWithinTheGrace() {
        pass(5_000);
        watermarks.onPeriodicEmit(output);
        long backlog = T0 - 3_600_000;
        for (int i = 0; i < 100; i++) {
            watermarks.onEvent(event(backlog + i * 1_000), backlog + i * 1_000, output);
            pass(100);
            watermarks.onPeriodicEmit(output);
        }

        assertThat(emitted).isNotEmpty().allMatch(w -> w < backlog + 100 * 1_000);
    }

    @Test
    void shouldNotTakeABackpressuredBacklogForAQuietSplit() {
        long backlog = T0 - 3_600_000;
        watermarks.onEvent(event(backlog), backlog, output);
        watermarks.onPeriodicEmit(output);
        passBackpressured(30_000);
        watermarks.onPeriodicEmit(output);
        pass(IDLE - 1);
        watermarks.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(backlog - BOUND - 1);
    }

    @Test
    void shouldFollowTheWallClockOnceABackpressuredSplitIsQuietForTheIdleTimeout() {
        watermarks.onEvent(event(T0), T0, output);
        passBackpressured(30_000);
        pass(IDLE);
        watermarks.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(now - BOUND - 1);
    }

    @Test
    void shouldCountOnlyUnheldTimeTowardsTheStartupGrace() {
        passBackpressured(GRACE);
        pass(GRACE - 1);
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).isEmpty();

        pass(1);
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(now - BOUND - 1);
    }

    @Test
    void shouldIgnoreRecordsThatCouldNotBeDecoded() {
        Decoded quarantined =
                Decoded.rejected(
                        QuarantineRecord.ofInput(
                                new RawEvent("t", 0, 0L, "{}".getBytes(StandardCharsets.UTF_8)),
                                "{}",
                                QuarantineReason.FUTURE_TIMESTAMP,
                                "far future",
                                Instant.ofEpochMilli(T0),
                                null,
                                null));
        watermarks.onEvent(event(T0), T0, output);
        watermarks.onEvent(quarantined, Long.MAX_VALUE - 1, output);
        watermarks.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(T0 - BOUND - 1);
    }
}

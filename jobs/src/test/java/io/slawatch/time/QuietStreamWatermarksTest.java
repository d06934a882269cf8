package io.slawatch.time;

import static io.slawatch.time.ManualSourceTime.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.ingest.Decoded;
import io.slawatch.model.EventType;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.RawEvent;
import io.slawatch.model.TicketEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class QuietStreamWatermarksTest {

    static final long BOUND = 2_000;
    static final long IDLE = 1_000;
    static final long GRACE = 10_000;

    final ManualSourceTime time = new ManualSourceTime();
    final List<Long> emitted = time.emitted;
    final WatermarkOutput output = time.output;
    final QuietStreamWatermarks<Decoded> watermarks =
            new QuietStreamWatermarks<>(BOUND, IDLE, GRACE, time.wallClock, time.activity);

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
        time.pass(200);
        watermarks.onPeriodicEmit(output);
        watermarks.onEvent(event(T0 - 4_000), T0 - 4_000, output);
        time.pass(200);
        watermarks.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(T0 - 5_000 - BOUND - 1, T0 - 4_000 - BOUND - 1);
    }

    @Test
    void shouldFollowTheWallClockOnceTheSplitIsQuiet() {
        watermarks.onEvent(event(T0), T0, output);
        time.pass(999);
        watermarks.onPeriodicEmit(output);
        time.pass(1);
        watermarks.onPeriodicEmit(output);
        time.pass(30_000);
        watermarks.onPeriodicEmit(output);

        assertThat(emitted)
                .containsExactly(T0 - BOUND - 1, T0 + 1_000 - BOUND - 1, T0 + 31_000 - BOUND - 1);
    }

    @Test
    void shouldWaitTheStartupGraceBeforeFollowingTheWallClockWithoutAnyEvent() {
        time.pass(GRACE - 1);
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).isEmpty();

        time.pass(1);
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(time.now - BOUND - 1);
    }

    @Test
    void shouldNotRunAheadOfABacklogThatStartsArrivingWithinTheGrace() {
        time.pass(5_000);
        watermarks.onPeriodicEmit(output);
        long backlog = T0 - 3_600_000;
        for (int i = 0; i < 100; i++) {
            watermarks.onEvent(event(backlog + i * 1_000), backlog + i * 1_000, output);
            time.pass(100);
            watermarks.onPeriodicEmit(output);
        }

        assertThat(emitted).isNotEmpty().allMatch(w -> w < backlog + 100 * 1_000);
    }

    @Test
    void shouldNotTakeABackpressuredBacklogForAQuietSplit() {
        long backlog = T0 - 3_600_000;
        watermarks.onEvent(event(backlog), backlog, output);
        watermarks.onPeriodicEmit(output);
        time.passBackpressured(30_000);
        watermarks.onPeriodicEmit(output);
        time.pass(IDLE - 1);
        watermarks.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(backlog - BOUND - 1);
    }

    @Test
    void shouldFollowTheWallClockOnceABackpressuredSplitIsQuietForTheIdleTimeout() {
        watermarks.onEvent(event(T0), T0, output);
        time.passBackpressured(30_000);
        time.pass(IDLE);
        watermarks.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(time.now - BOUND - 1);
    }

    @Test
    void shouldCountOnlyUnheldTimeTowardsTheStartupGrace() {
        time.passBackpressured(GRACE);
        time.pass(GRACE - 1);
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).isEmpty();

        time.pass(1);
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(time.now - BOUND - 1);
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

package io.slawatch.time;

import static io.slawatch.time.ManualSourceTime.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.ingest.Decoded;
import org.junit.jupiter.api.Test;

class ReaderOutputIdlenessTest {

    static final long GRACE = 10_000;

    final ManualSourceTime time = new ManualSourceTime();
    final ReaderOutputIdleness<Decoded> idleness = new ReaderOutputIdleness<>(GRACE, time.activity);

    @Test
    void shouldNeverEmitAWatermarkHoweverLongTheReaderRuns() {
        idleness.onEvent(QuietStreamWatermarksTest.event(T0), T0, time.output);
        for (int i = 0; i < 100; i++) {
            time.pass(1_000);
            idleness.onPeriodicEmit(time.output);
        }

        assertThat(time.emitted).isEmpty();
    }

    @Test
    void shouldMarkTheOutputIdleOnceTheStartupGraceHasPassed() {
        time.pass(GRACE - 1);
        idleness.onPeriodicEmit(time.output);
        assertThat(time.idle).isFalse();

        time.pass(1);
        idleness.onPeriodicEmit(time.output);
        assertThat(time.idle).isTrue();
    }

    @Test
    void shouldCountOnlyUnheldTimeTowardsTheStartupGrace() {
        time.passBackpressured(GRACE);
        time.pass(GRACE - 1);
        idleness.onPeriodicEmit(time.output);

        assertThat(time.idle).isFalse();
    }
}

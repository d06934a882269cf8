package io.slawatch.detect;

import static io.slawatch.detect.TicketEvents.MONDAY_0900;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockType;
import io.slawatch.policy.Policies;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.state.ClockState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    static final SlaPolicy DEFAULT_POLICY = Policies.DEFAULT;

    static ClockState running(ClockType type, String calendar, Duration target) {
        ClockState clock = new ClockState();
        clock.type = type;
        clock.calendar = calendar;
        clock.startedAt = MONDAY_0900.toEpochMilli();
        clock.targetSeconds = target.toSeconds();
        return clock;
    }

    @Test
    void shouldMoveTheThresholdsOnceThePausedTimeGrows() {
        Deadlines deadlines = new Deadlines(DEFAULT_POLICY);
        ClockState resolution = running(ClockType.RESOLUTION, "24x7", Duration.ofHours(24));
        long before = deadlines.deadline(resolution);

        resolution.pausedSeconds = Duration.ofHours(2).toSeconds();

        assertThat(deadlines.deadline(resolution))
                .isEqualTo(before + Duration.ofHours(2).toMillis());
        assertThat(deadlines.thresholds(resolution))
                .isEqualTo(new Deadlines(DEFAULT_POLICY).thresholds(resolution));
    }

    @Test
    void shouldNotTakeOneCycleForAnotherKeptInTheSameSlot() {
        Deadlines deadlines = new Deadlines(DEFAULT_POLICY);
        ClockState unpaused = running(ClockType.RESOLUTION, "office", Duration.ofHours(8));
        ClockState paused = running(ClockType.RESOLUTION, "office", Duration.ofHours(8));
        do {
            paused.pausedSeconds++;
        } while (Deadlines.slot(paused) != Deadlines.slot(unpaused));
        long unpausedDeadline = deadlines.deadline(unpaused);

        assertThat(deadlines.deadline(paused))
                .isEqualTo(new Deadlines(DEFAULT_POLICY).deadline(paused))
                .isNotEqualTo(unpausedDeadline);
        assertThat(deadlines.deadline(unpaused)).isEqualTo(unpausedDeadline);
    }

    @Test
    void shouldAnswerAsIfNothingWereKeptWhicheverCyclesWereAskedBefore() {
        // Far more cycles than slots, asked again in random order, some after a pause or a new
        // target: every answer must be the one a fresh Deadlines works out.
        Random random = new Random(42);
        List<ClockType> types =
                List.of(ClockType.RESPONSE, ClockType.ARRIVAL, ClockType.RESOLUTION);
        List<String> calendars = List.of("24x7", "office");
        List<ClockState> cycles = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ClockState clock =
                    running(
                            types.get(random.nextInt(types.size())),
                            calendars.get(random.nextInt(calendars.size())),
                            Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60)));
            clock.startedAt += random.nextInt(60 * 24 * 3600) * 1000L;
            cycles.add(clock);
        }
        Deadlines asked = new Deadlines(DEFAULT_POLICY);
        for (int i = 0; i < 50_000; i++) {
            ClockState clock = cycles.get(random.nextInt(cycles.size()));
            switch (random.nextInt(10)) {
                case 0 -> clock.pausedSeconds += random.nextInt(7200);
                case 1 -> clock.targetSeconds = 60 + random.nextInt(24 * 3600);
                default -> {}
            }
            List<Threshold> fresh = new Deadlines(DEFAULT_POLICY).thresholds(clock);
            assertThat(asked.thresholds(clock)).isEqualTo(fresh);
            assertThat(asked.deadline(clock))
                    .isEqualTo(
                            fresh.stream()
                                    .filter(threshold -> threshold.kind() == AlertKind.BREACHED)
                                    .findFirst()
                                    .orElseThrow()
                                    .at());
        }
    }
}

package io.slawatch.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slawatch.model.Priority;
import io.slawatch.policy.PredictionPolicy;
import java.time.Duration;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class TravelTimeModelTest {

    static final PredictionPolicy LEARN_AFTER_5 =
            new PredictionPolicy(0.5, Duration.ofMinutes(10), Duration.ofMinutes(20), 5);

    /** Trips of 20, 30, 45, 60 and 120 minutes, in seconds. */
    static final double[] TRIPS = {1200, 1800, 2700, 3600, 7200};

    static TravelTimeModel learned() {
        TravelTimeModel model = new TravelTimeModel();
        for (double trip : TRIPS) {
            model.learn(Priority.URGENT, trip);
        }
        return model;
    }

    @Test
    void shouldLearnTheLogarithmsMeanAndSpreadOnline() {
        TravelTimeModel model = learned();
        double mean = DoubleStream.of(TRIPS).map(Math::log).average().orElseThrow();
        double variance =
                DoubleStream.of(TRIPS).map(t -> Math.pow(Math.log(t) - mean, 2)).sum()
                        / (TRIPS.length - 1);

        assertThat(model.learned(Priority.URGENT, LEARN_AFTER_5)).isTrue();
        assertThat(model.learned(Priority.CRITICAL, LEARN_AFTER_5)).isFalse();
        // The geometric mean of the trips: 2,728 s.
        assertThat(model.medianSeconds(Priority.URGENT)).isCloseTo(Math.exp(mean), within(1e-6));
        assertThat(Math.exp(mean)).isCloseTo(2728.3, within(0.1));
        // 1 hour left: z = (ln 3600 - mean) / sd.
        double z = (Math.log(3600) - mean) / Math.sqrt(variance);
        assertThat(model.probabilityLate(Priority.URGENT, 3600))
                .isCloseTo(1 - EtaErrorModel.normalCdf(z), within(1e-4));
        assertThat(model.probabilityLate(Priority.URGENT, 3600)).isEqualTo(0.3424);
    }

    @Test
    void shouldSayHowLongBeforeTheDeadlineADispatchMakesLatenessThatLikely() {
        TravelTimeModel model = learned();

        assertThat(model.secondsNeeded(Priority.URGENT, 0.5))
                .isCloseTo(model.medianSeconds(Priority.URGENT), within(1e-3));
        double needed = model.secondsNeeded(Priority.URGENT, 0.8);
        assertThat(model.probabilityLate(Priority.URGENT, needed)).isEqualTo(0.8);
        assertThat(model.probabilityLate(Priority.URGENT, 0)).isEqualTo(1.0);
    }

    @Test
    void shouldInvertTheNormalDistribution() {
        for (double p : new double[] {0.01, 0.2, 0.5, 0.8413, 0.99}) {
            assertThat(EtaErrorModel.normalCdf(EtaErrorModel.inverseNormalCdf(p)))
                    .isCloseTo(p, within(1e-7));
        }
        assertThat(EtaErrorModel.inverseNormalCdf(0.8413)).isCloseTo(1.0, within(1e-3));
    }
}

package io.slawatch.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slawatch.policy.PredictionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class EtaErrorModelTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final PredictionPolicy PRIOR_10M_20M_AFTER_5 =
            new PredictionPolicy(0.5, Duration.ofMinutes(10), Duration.ofMinutes(20), 5);
    static final int DAY = 2;
    static final double[] SAMPLE = {-240, 60, 300, 900, 1500};
    static final long DEADLINE = Instant.parse("2026-11-23T02:00:00Z").toEpochMilli();

    @Test
    void shouldLearnTheSampleMeanAndStandardDeviationOnline() {
        EtaErrorModel model = new EtaErrorModel();
        for (double error : SAMPLE) {
            model.learn(DAY, error);
        }
        double mean = DoubleStream.of(SAMPLE).average().orElseThrow();
        double variance =
                DoubleStream.of(SAMPLE).map(e -> (e - mean) * (e - mean)).sum()
                        / (SAMPLE.length - 1);

        assertThat(mean).isEqualTo(504.0);
        assertThat(model.meanSeconds(DAY, PRIOR_10M_20M_AFTER_5)).isCloseTo(mean, within(1e-9));
        assertThat(model.stdDevSeconds(DAY, PRIOR_10M_20M_AFTER_5))
                .isCloseTo(Math.sqrt(variance), within(1e-9));
        // ETA 504 s before the deadline: the mean error takes it exactly to the deadline.
        assertThat(model.probabilityLate(DAY, DEADLINE - 504_000, DEADLINE, PRIOR_10M_20M_AFTER_5))
                .isEqualTo(0.5);
    }

    @Test
    void shouldUseThePriorUntilEnoughArrivalsAreSeen() {
        EtaErrorModel model = new EtaErrorModel();
        for (int i = 0; i < 4; i++) {
            model.learn(DAY, 0);
        }

        assertThat(model.meanSeconds(DAY, PRIOR_10M_20M_AFTER_5)).isEqualTo(600);
        assertThat(model.stdDevSeconds(DAY, PRIOR_10M_20M_AFTER_5)).isEqualTo(1200);
        // ETA 30 min before the deadline: slack 20 min = one prior standard deviation.
        assertThat(
                        model.probabilityLate(
                                DAY, DEADLINE - 1_800_000, DEADLINE, PRIOR_10M_20M_AFTER_5))
                .isEqualTo(0.1587);
        assertThat(model.stdDevSeconds(0, PRIOR_10M_20M_AFTER_5)).isEqualTo(1200);
    }

    @Test
    void shouldNeverTrustASpreadBelowAMinute() {
        EtaErrorModel model = new EtaErrorModel();
        for (int i = 0; i < 5; i++) {
            model.learn(DAY, 120);
        }

        assertThat(model.stdDevSeconds(DAY, PRIOR_10M_20M_AFTER_5))
                .isEqualTo(EtaErrorModel.MIN_STD_DEV_SECONDS);
    }

    @Test
    void shouldComputeTheNormalDistributionToSixPlaces() {
        assertThat(EtaErrorModel.normalCdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(EtaErrorModel.normalCdf(1)).isCloseTo(0.8413447, within(1e-6));
        assertThat(EtaErrorModel.normalCdf(-1.5)).isCloseTo(0.0668072, within(1e-6));
        assertThat(EtaErrorModel.normalCdf(2.326348)).isCloseTo(0.99, within(1e-6));
    }

    @Test
    void shouldBandEtasByLocalHour() {
        assertThat(
                        EtaErrorModel.band(
                                Instant.parse("2026-11-22T22:59:00Z").toEpochMilli(), SHANGHAI))
                .as("06:59 night")
                .isZero();
        assertThat(
                        EtaErrorModel.band(
                                Instant.parse("2026-11-22T23:00:00Z").toEpochMilli(), SHANGHAI))
                .as("07:00 morning rush")
                .isEqualTo(1);
        assertThat(
                        EtaErrorModel.band(
                                Instant.parse("2026-11-23T09:30:00Z").toEpochMilli(), SHANGHAI))
                .as("17:30 evening rush")
                .isEqualTo(3);
        assertThat(
                        EtaErrorModel.band(
                                Instant.parse("2026-11-23T15:00:00Z").toEpochMilli(), SHANGHAI))
                .as("23:00 evening")
                .isEqualTo(4);
    }
}

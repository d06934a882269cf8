package io.slawatch.predict;

import io.slawatch.policy.PredictionPolicy;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One region's ETA error (arrival minus the last ETA, in seconds; positive is late), learned online
 * per hour-of-day band of the ETA: count, running mean and sum of squared deviations (Welford), a
 * few numbers whatever the traffic. A band with fewer than the policy's {@code learnAfter} arrivals
 * uses the policy's prior. The error is taken as normal: P(late) = 1 − Φ((deadline − ETA − mean) /
 * stdDev).
 */
public final class EtaErrorModel {

    /** First local hour of each band: night, morning rush, day, evening rush, evening. */
    static final int[] BAND_STARTS = {0, 7, 10, 17, 20};

    /** The spread never assumed smaller than this: a few identical arrivals prove little. */
    static final double MIN_STD_DEV_SECONDS = 60;

    /** Decimal places kept of a probability, so that replay prints it the same everywhere. */
    static final double PROBABILITY_SCALE = 10_000;

    public long[] count = new long[BAND_STARTS.length];
    public double[] mean = new double[BAND_STARTS.length];
    public double[] squares = new double[BAND_STARTS.length];

    /** The band of an ETA, by its local hour. */
    public static int band(long etaAt, ZoneId zone) {
        int hour = Instant.ofEpochMilli(etaAt).atZone(zone).getHour();
        int band = 0;
        for (int i = 0; i < BAND_STARTS.length; i++) {
            if (hour >= BAND_STARTS[i]) {
                band = i;
            }
        }
        return band;
    }

    public void learn(int band, double errorSeconds) {
        count[band]++;
        double delta = errorSeconds - mean[band];
        mean[band] += delta / count[band];
        squares[band] += delta * (errorSeconds - mean[band]);
    }

    /** The mean error of a band, in seconds: learned, or the prior's. */
    public double meanSeconds(int band, PredictionPolicy rules) {
        return learned(band, rules) ? mean[band] : rules.priorMeanError().toSeconds();
    }

    public double stdDevSeconds(int band, PredictionPolicy rules) {
        double spread =
                learned(band, rules)
                        ? Math.sqrt(squares[band] / (count[band] - 1))
                        : rules.priorStdDev().toSeconds();
        return Math.max(spread, MIN_STD_DEV_SECONDS);
    }

    /** P(arrival after {@code deadline}) for a technician whose latest ETA is {@code etaAt}. */
    public double probabilityLate(int band, long etaAt, long deadline, PredictionPolicy rules) {
        double slackSeconds = (deadline - etaAt) / 1000.0 - meanSeconds(band, rules);
        double p = 1 - normalCdf(slackSeconds / stdDevSeconds(band, rules));
        return Math.round(p * PROBABILITY_SCALE) / PROBABILITY_SCALE;
    }

    private boolean learned(int band, PredictionPolicy rules) {
        return count[band] >= rules.learnAfter();
    }

    /** Φ⁻¹(p) for 0 &lt; p &lt; 1, by bisection of {@link #normalCdf} (to 1e-9: rarely called). */
    static double inverseNormalCdf(double p) {
        double low = -10;
        double high = 10;
        while (high - low > 1e-9) {
            double middle = (low + high) / 2;
            if (normalCdf(middle) < p) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** Φ(z), from the error function (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf =
                1
                        - t
                                * (0.254829592
                                        + t
                                                * (-0.284496736
                                                        + t
                                                                * (1.421413741
                                                                        + t
                                                                                * (-1.453152027
                                                                                        + t
                                                                                                * 1.061405429))))
                                * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}

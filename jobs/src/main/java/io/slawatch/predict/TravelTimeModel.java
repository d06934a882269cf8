package io.slawatch.predict;

import io.slawatch.model.Priority;
import io.slawatch.policy.PredictionPolicy;

/**
 * One region's time from a technician's dispatch to the arrival, learned online per priority (a
 * CRITICAL ticket is driven to, a NORMAL one waits for the next round): count, running mean and sum
 * of squared deviations (Welford) of its natural logarithm, since travel times are skewed: a few
 * take many times the usual. With it a ticket nobody has been dispatched to yet is judged: P(late)
 * = P(now + travel &gt; deadline). A priority with fewer than the policy's {@code learnAfter}
 * arrivals says nothing.
 */
public final class TravelTimeModel {

    /** The spread of the logarithm never assumed smaller: a few identical trips prove little. */
    static final double MIN_LOG_STD_DEV = 0.05;

    /** Shorter trips count as this long: a logarithm needs a floor. */
    static final double MIN_TRAVEL_SECONDS = 60;

    public long[] count = new long[Priority.values().length];
    public double[] mean = new double[Priority.values().length];
    public double[] squares = new double[Priority.values().length];

    public void learn(Priority priority, double travelSeconds) {
        int i = priority.ordinal();
        double x = Math.log(Math.max(travelSeconds, MIN_TRAVEL_SECONDS));
        count[i]++;
        double delta = x - mean[i];
        mean[i] += delta / count[i];
        squares[i] += delta * (x - mean[i]);
    }

    public boolean learned(Priority priority, PredictionPolicy rules) {
        return count[priority.ordinal()] >= rules.learnAfter();
    }

    /** The median travel time, in seconds; only once {@link #learned}. */
    public double medianSeconds(Priority priority) {
        return Math.exp(mean[priority.ordinal()]);
    }

    private double logStdDev(Priority priority) {
        int i = priority.ordinal();
        return Math.max(Math.sqrt(squares[i] / (count[i] - 1)), MIN_LOG_STD_DEV);
    }

    /** P(a technician dispatched {@code secondsLeft} before the deadline arrives after it). */
    public double probabilityLate(Priority priority, double secondsLeft) {
        if (secondsLeft <= 0) {
            return 1;
        }
        double z =
                (Math.log(Math.max(secondsLeft, MIN_TRAVEL_SECONDS)) - mean[priority.ordinal()])
                        / logStdDev(priority);
        double p = 1 - EtaErrorModel.normalCdf(z);
        return Math.round(p * EtaErrorModel.PROBABILITY_SCALE) / EtaErrorModel.PROBABILITY_SCALE;
    }

    /**
     * How long before the deadline a dispatch still pending makes a late arrival {@code
     * probability} likely: the travel time exceeded with that probability, in seconds.
     */
    public double secondsNeeded(Priority priority, double probability) {
        return Math.exp(
                mean[priority.ordinal()]
                        + logStdDev(priority) * EtaErrorModel.inverseNormalCdf(1 - probability));
    }
}

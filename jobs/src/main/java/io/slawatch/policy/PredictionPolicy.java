package io.slawatch.policy;

import java.io.Serializable;
import java.time.Duration;

/**
 * How arrival breaches are predicted from technicians' ETAs (the policy's {@code prediction}).
 *
 * @param minProbability the probability of a late arrival from which PREDICTED_BREACH fires
 * @param priorMeanError the ETA error (arrival minus ETA; positive is late) assumed until a region
 *     and hour band has seen {@code learnAfter} arrivals
 * @param priorStdDev its spread, likewise
 * @param learnAfter arrivals after which a region and hour band's learned error replaces the prior
 */
public record PredictionPolicy(
        double minProbability, Duration priorMeanError, Duration priorStdDev, int learnAfter)
        implements Serializable {

    public static final double DEFAULT_MIN_PROBABILITY = 0.5;
    public static final int DEFAULT_LEARN_AFTER = 20;
}

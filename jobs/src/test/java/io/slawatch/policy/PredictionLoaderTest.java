package io.slawatch.policy;

import static io.slawatch.policy.PolicyLoaderTest.DEFAULT_POLICY;
import static io.slawatch.policy.PolicyLoaderTest.FILE;
import static io.slawatch.policy.PolicyLoaderTest.columnOf;
import static io.slawatch.policy.PolicyLoaderTest.defaultPolicy;
import static io.slawatch.policy.PolicyLoaderTest.lineOf;
import static io.slawatch.policy.PolicyLoaderTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PredictionLoaderTest {

    @Test
    void shouldPredictWithTheDefaultPolicysPrior() throws Exception {
        assertThat(PolicyLoader.load(DEFAULT_POLICY).prediction())
                .isEqualTo(
                        new PredictionPolicy(
                                PredictionPolicy.DEFAULT_MIN_PROBABILITY,
                                Duration.ofMinutes(10),
                                Duration.ofMinutes(20),
                                PredictionPolicy.DEFAULT_LEARN_AFTER));
    }

    @Test
    void shouldTakeAnEarlyMeanErrorAndDefaultTheRest() throws Exception {
        String text = defaultPolicy();
        String section = text.substring(text.indexOf("prediction:"), text.indexOf("\nreport:"));
        String early =
                text.replace(section, "prediction:\n  prior: {meanError: -PT5M, stdDev: PT15M}\n");

        assertThat(PolicyLoader.parse(FILE, early).prediction())
                .isEqualTo(
                        new PredictionPolicy(
                                0.5, Duration.ofMinutes(-5), Duration.ofMinutes(15), 20));
    }

    @Test
    void shouldLocateABadProbabilityAndSpread() {
        String text =
                defaultPolicy()
                        .replace("minProbability: 0.5 ", "minProbability: 1.5 ")
                        .replace("stdDev: PT20M}", "stdDev: PT0S}");

        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "minProbability: 1.5"),
                                columnOf(text, "minProbability: 1.5"),
                                "'1.5' is not a probability between 0 and 1",
                                "write e.g. 'minProbability: 0.5'"),
                        new Problem(
                                FILE,
                                lineOf(text, "stdDev: PT0S"),
                                columnOf(text, "stdDev: PT0S"),
                                "the duration PT0S must be positive",
                                "use a duration above zero, e.g. PT30M"));
    }
}

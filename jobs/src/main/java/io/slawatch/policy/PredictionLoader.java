package io.slawatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;

/** Reads a policy's {@code prediction} section; every problem is located like the rest. */
final class PredictionLoader {

    static final String SECTION = "prediction";
    static final Set<String> KEYS = Set.of("minProbability", "prior", "learnAfter");
    static final Set<String> PRIOR_KEYS = Set.of("meanError", "stdDev");

    private static final String POINTER = "/" + SECTION;

    private PredictionLoader() {}

    /** The section, or null when absent (no predictions) or broken (problems reported). */
    static PredictionPolicy read(Fields fields, JsonNode node) {
        if (node == null || !fields.mapping(POINTER, node, SECTION, KEYS)) {
            return null;
        }
        int before = fields.problems().size();
        double minProbability = PredictionPolicy.DEFAULT_MIN_PROBABILITY;
        String probability = fields.text(POINTER, node, "minProbability", false, "0.5");
        if (probability != null) {
            try {
                minProbability = Double.parseDouble(probability.trim());
            } catch (NumberFormatException e) {
                minProbability = -1;
            }
            if (!(minProbability > 0 && minProbability < 1)) {
                fields.fail(
                        LocatedYaml.child(POINTER, "minProbability"),
                        "'" + probability + "' is not a probability between 0 and 1",
                        "write e.g. 'minProbability: 0.5'");
            }
        }
        int learnAfter = PredictionPolicy.DEFAULT_LEARN_AFTER;
        String learn = fields.text(POINTER, node, "learnAfter", false, "20");
        if (learn != null) {
            try {
                learnAfter = Integer.parseInt(learn.trim());
            } catch (NumberFormatException e) {
                learnAfter = 0;
            }
            if (learnAfter < 2) {
                fields.fail(
                        LocatedYaml.child(POINTER, "learnAfter"),
                        "'" + learn + "' is not a number of arrivals from 2 up",
                        "write e.g. 'learnAfter: 20'");
            }
        }
        String priorPointer = LocatedYaml.child(POINTER, "prior");
        JsonNode prior = node.get("prior");
        Duration mean = null;
        Duration stdDev = null;
        if (prior == null) {
            fields.fail(
                    POINTER,
                    "missing 'prior'",
                    "add 'prior: {meanError: PT10M, stdDev: PT20M}': the ETA error assumed"
                            + " before arrivals are seen");
        } else if (fields.mapping(priorPointer, prior, "prior", PRIOR_KEYS)) {
            String meanText = fields.text(priorPointer, prior, "meanError", true, "PT10M");
            if (meanText != null) {
                mean =
                        fields.parse(
                                LocatedYaml.child(priorPointer, "meanError"),
                                meanText,
                                Duration::parse,
                                "an ISO-8601 duration",
                                "write e.g. PT10M (late) or -PT5M (early)");
            }
            String spread = fields.text(priorPointer, prior, "stdDev", true, "PT20M");
            if (spread != null) {
                stdDev = fields.positiveDuration(LocatedYaml.child(priorPointer, "stdDev"), spread);
            }
        }
        if (fields.problems().size() > before || mean == null || stdDev == null) {
            return null;
        }
        return new PredictionPolicy(minProbability, mean, stdDev, learnAfter);
    }
}

package io.slawatch.bench;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.policy.PredictionPolicy;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.replay.Replay;
import io.slawatch.simulate.SimulatedFile;
import io.slawatch.time.EventTime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How well arrival predictions foretell breaches, at the policy's {@code minProbability} and two
 * stricter ones: recall, precision and lead over the AT_RISK warning.
 *
 * @param work where the simulated input and the replay's outputs go
 * @param report where each figure goes
 */
record PredictionBenchmarks(SlaPolicy policy, Path work, Consumer<Figure> report) {

    /**
     * Simulated tickets (ETAs drawn by the simulator's error model) replayed: how well
     * PREDICTED_BREACH foretold the ARRIVAL breaches, and how long before the AT_RISK warning.
     */
    void predictions(int tickets) throws Exception {
        Path events = work.resolve("predictions.jsonl");
        long records = tickets * 6L;
        SimulatedFile.write(policy, 7, Instant.parse("2026-09-07T00:00:00Z"), records, 240, events);
        double chosen = policy.prediction().minProbability();
        for (double threshold : new double[] {chosen, 0.7, 0.9}) {
            predictionsAt(events, records, threshold, threshold == chosen);
        }
    }

    private void predictionsAt(Path events, long records, double threshold, boolean chosen)
            throws Exception {
        var rules = policy.prediction();
        SlaPolicy variant =
                new SlaPolicy(
                        policy.version(),
                        policy.calendars(),
                        policy.clocks(),
                        policy.peaks(),
                        policy.retentionAfterClosed(),
                        policy.orphanTimeout(),
                        policy.safetyHorizon(),
                        policy.consequences(),
                        new PredictionPolicy(
                                threshold,
                                rules.priorMeanError(),
                                rules.priorStdDev(),
                                rules.learnAfter()),
                        policy.report(),
                        policy.appliesToOpen());
        Path alerts = work.resolve("predictions-alerts.jsonl");
        Replay.run(
                new Replay.Options(
                        List.of(events),
                        variant,
                        alerts,
                        work.resolve("predictions-outcomes.jsonl"),
                        work.resolve("predictions-quarantine.jsonl"),
                        1,
                        EventTime.DEFAULT_OUT_OF_ORDERNESS,
                        List.of(),
                        null),
                read -> {});
        PredictionScore score =
                PredictionScore.of(
                        Replay.read(alerts, Alert.class),
                        Replay.read(
                                work.resolve("predictions-outcomes.jsonl"), ClockOutcome.class));
        String at =
                String.format(
                        Locale.ROOT,
                        "minProbability %.2f%s",
                        threshold,
                        chosen ? " (the policy's)" : "");
        report.accept(
                new Figure(
                        "arrival predictions: recall, " + at,
                        String.format(Locale.ROOT, "%.1f %%", score.recall() * 100),
                        String.format(
                                Locale.ROOT,
                                "%d of %d ARRIVAL breaches predicted (goal 80 %%); %,d simulated"
                                        + " records",
                                score.foretold(),
                                score.breached(),
                                records)));
        report.accept(
                new Figure(
                        "arrival predictions: precision, " + at,
                        String.format(Locale.ROOT, "%.1f %%", score.precision() * 100),
                        String.format(
                                Locale.ROOT,
                                "%d of %d predicted cycles breached (goal 70 %%); %d more"
                                        + " still running at the end of the input",
                                score.foretold(),
                                score.predicted(),
                                score.undecided())));
        report.accept(
                new Figure(
                        "arrival predictions: median lead, " + at,
                        score.medianLead().toMinutes() + " min",
                        String.format(
                                Locale.ROOT,
                                "first prediction to the 30-minute AT_RISK warning, %d foretold"
                                        + " breaches with a warning (goal 60 min)",
                                score.leadsOverWarning().size())));
    }
}

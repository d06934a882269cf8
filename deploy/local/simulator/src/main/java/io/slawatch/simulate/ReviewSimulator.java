package io.slawatch.simulate;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.Review;
import io.slawatch.model.ReviewDecision;
import io.slawatch.policy.ConsequencePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A supervision team's reviews of the breaches a replay found, the same for the same seed: most
 * breaches confirmed within a day, some waived, the rest left to the policy's verification
 * deadline; most apologies of confirmed breaches marked DONE within two days, the others left to go
 * OVERDUE; and a few second decisions on a decided case, which the job quarantines.
 */
public final class ReviewSimulator {

    /** Shares of the breaches of a clock with consequences. */
    static final double CONFIRMED = 0.70;

    static final double WAIVED = 0.10;

    /** Share of confirmed breaches whose apology is marked DONE. */
    static final double APOLOGY_DONE = 0.85;

    /** Share of decided breaches that get a second, mistaken decision. */
    static final double SECOND_DECISION = 0.02;

    static final String[] REVIEWERS = {"sup-1", "sup-2", "sup-3", "sup-4"};
    static final String[] CONFIRM_REASONS = {
        "call log shows no answer in time", "customer complaint verified", "timeline checked"
    };
    static final String[] WAIVE_REASONS = {
        "customer asked to be called later", "system outage INC-2041", "duplicate ticket"
    };

    private final SplittableRandom random;

    private ReviewSimulator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * Reviews of {@code alerts}' level-1 breaches of the policy's consequence clocks, but those a
     * late stop retracted: their case closes before anyone looks at it.
     */
    public static List<Review> reviews(List<Alert> alerts, ConsequencePolicy rules, long seed) {
        ReviewSimulator simulator = new ReviewSimulator(seed);
        List<Review> reviews = new ArrayList<>();
        Set<String> retracted =
                alerts.stream()
                        .filter(a -> a.kind() == AlertKind.RETRACTED)
                        .map(Alert::retractsAlertId)
                        .collect(Collectors.toSet());
        alerts.stream()
                .filter(a -> a.kind() == AlertKind.BREACHED && a.level() == 1)
                .filter(a -> rules.applies(a.clock()))
                .filter(a -> !retracted.contains(a.alertId()))
                .sorted(Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId))
                .forEach(breach -> simulator.review(breach, reviews));
        reviews.sort(Comparator.comparing(Review::decidedAt).thenComparing(Review::reviewId));
        return reviews;
    }

    private void review(Alert breach, List<Review> out) {
        double draw = random.nextDouble();
        if (draw >= CONFIRMED + WAIVED) {
            return;
        }
        boolean confirm = draw < CONFIRMED;
        Instant decided =
                breach.eventTime().plus(within(Duration.ofMinutes(30), Duration.ofHours(20)));
        String reviewer = REVIEWERS[random.nextInt(REVIEWERS.length)];
        out.add(
                new Review(
                        "R-" + breach.alertId() + "-1",
                        breach.alertId(),
                        null,
                        confirm ? ReviewDecision.CONFIRM : ReviewDecision.WAIVE,
                        reviewer,
                        confirm
                                ? CONFIRM_REASONS[random.nextInt(CONFIRM_REASONS.length)]
                                : WAIVE_REASONS[random.nextInt(WAIVE_REASONS.length)],
                        decided));
        if (random.nextDouble() < SECOND_DECISION) {
            out.add(
                    new Review(
                            "R-" + breach.alertId() + "-2",
                            breach.alertId(),
                            null,
                            confirm ? ReviewDecision.WAIVE : ReviewDecision.CONFIRM,
                            REVIEWERS[random.nextInt(REVIEWERS.length)],
                            "second look",
                            decided.plus(within(Duration.ofHours(1), Duration.ofHours(8)))));
        }
        if (confirm && random.nextDouble() < APOLOGY_DONE) {
            String apology = breach.alertId() + ":" + LedgerKind.APOLOGY;
            out.add(
                    new Review(
                            "R-" + apology + "-done",
                            null,
                            apology,
                            ReviewDecision.DONE,
                            "care-" + (1 + random.nextInt(3)),
                            null,
                            decided.plus(within(Duration.ofHours(2), Duration.ofHours(48)))));
        }
    }

    private Duration within(Duration low, Duration high) {
        return low.plusSeconds(random.nextLong(high.minus(low).toSeconds() + 1));
    }
}

package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.Review;
import io.slawatch.model.ReviewDecision;
import io.slawatch.policy.ConsequencePolicy;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.replay.Replay;
import io.slawatch.testkit.Checkout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated week of October 2026 (Golden Week's holidays and make-up Saturday included) with a
 * supervision team's reviews, replayed with consequences through the CLI: the same ledger at
 * parallelism 1, 2 and 4, and one that accounts for every breach and every review.
 */
class ConsequencesReplayITCase {

    static final String POLICY = Checkout.DEFAULT_POLICY.toString();
    static final int TICKETS = 800;

    @TempDir static Path temp;
    static Path events;
    static Path reviews;

    @BeforeAll
    static void simulate() {
        events = temp.resolve("events.jsonl");
        reviews = temp.resolve("reviews.jsonl");
        CliRun run =
                CliRun.run(
                        "",
                        "simulate",
                        "--tickets",
                        String.valueOf(TICKETS),
                        "--start",
                        "2026-10-05T00:00:00Z",
                        "--out",
                        events.toString(),
                        "--reviews",
                        reviews.toString(),
                        "--policy",
                        POLICY);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    record Run(
            List<Alert> alerts,
            List<LedgerEntry> ledger,
            List<QuarantineRecord> quarantine,
            String ledgerText,
            String out) {}

    static Run replay(int parallelism) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("p" + parallelism));
        CliRun run =
                CliRun.run(
                        "",
                        "replay",
                        "--input",
                        events.toString(),
                        "--policy",
                        POLICY,
                        "--parallelism",
                        String.valueOf(parallelism),
                        "--reviews",
                        reviews.toString(),
                        "--actions",
                        dir.resolve("ledger.jsonl").toString(),
                        "--alerts",
                        dir.resolve("alerts.jsonl").toString(),
                        "--quarantine",
                        dir.resolve("quarantine.jsonl").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new Run(
                Replay.read(dir.resolve("alerts.jsonl"), Alert.class),
                Replay.read(dir.resolve("ledger.jsonl"), LedgerEntry.class),
                Replay.read(dir.resolve("quarantine.jsonl"), QuarantineRecord.class),
                Files.readString(dir.resolve("ledger.jsonl")),
                run.out());
    }

    @Test
    void shouldWriteTheSameLedgerAtAnyParallelism() throws Exception {
        String one = replay(1).ledgerText();

        assertThat(replay(2).ledgerText()).isEqualTo(one);
        assertThat(replay(4).ledgerText()).isEqualTo(one);
    }

    @Test
    void shouldAccountForEveryBreachAndEveryReview() throws Exception {
        Run run = replay(2);
        List<Review> drawn = Replay.read(reviews, Review.class);

        ConsequencePolicy rules = PolicyLoader.load(Checkout.DEFAULT_POLICY).consequences();
        List<String> breaches =
                run.alerts().stream()
                        .filter(a -> a.kind() == AlertKind.BREACHED && a.level() == 1)
                        // The policy's own clocks (COMPLAINT_REPLY, …) have no consequences.
                        .filter(a -> rules.applies(a.clock()))
                        .map(Alert::alertId)
                        .sorted()
                        .toList();
        assertThat(ids(run.ledger(), LedgerKind.VERIFICATION_REQUESTED, LedgerEntry::alertId))
                .isEqualTo(breaches);
        assertThat(run.quarantine())
                .filteredOn(q -> q.reason().aboutReviews())
                .extracting(QuarantineRecord::eventId)
                .containsExactlyInAnyOrderElementsOf(
                        drawn.stream()
                                .map(Review::reviewId)
                                .filter(id -> id.endsWith("-2"))
                                .toList());
        assertThat(run.quarantine())
                .filteredOn(q -> q.reason().aboutReviews())
                .extracting(QuarantineRecord::reason)
                .containsOnly(QuarantineReason.REVIEW_ALREADY_DECIDED);
        assertThat(ids(run.ledger(), LedgerKind.DONE, LedgerEntry::actionId))
                .isEqualTo(
                        drawn.stream()
                                .filter(r -> r.decision() == ReviewDecision.DONE)
                                .map(Review::entryId)
                                .sorted()
                                .toList());
        assertThat(ids(run.ledger(), LedgerKind.WAIVED, LedgerEntry::alertId))
                .isEqualTo(
                        drawn.stream()
                                .filter(r -> r.decision() == ReviewDecision.WAIVE)
                                .filter(r -> r.reviewId().endsWith("-1"))
                                .map(Review::alertId)
                                .sorted()
                                .toList());
        assertThat(run.out()).contains("reviews quarantined: ");
    }

    private static List<String> ids(
            List<LedgerEntry> ledger,
            LedgerKind kind,
            java.util.function.Function<LedgerEntry, String> id) {
        return ledger.stream().filter(e -> e.kind() == kind).map(id).sorted().toList();
    }
}

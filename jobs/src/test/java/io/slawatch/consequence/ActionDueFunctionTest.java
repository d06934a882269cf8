package io.slawatch.consequence;

import static io.slawatch.consequence.Breaches.DEFAULT_POLICY;
import static io.slawatch.consequence.Breaches.FRIDAY_1800;
import static io.slawatch.consequence.Breaches.MONDAY_1800;
import static io.slawatch.consequence.Breaches.SATURDAY_1000;
import static io.slawatch.consequence.Breaches.TUESDAY_1800;
import static io.slawatch.consequence.Breaches.WEDNESDAY_1005;
import static io.slawatch.consequence.Breaches.done;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.Review;
import io.slawatch.model.SubjectType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Actions people carry out: DONE by their due date, else OVERDUE. */
class ActionDueFunctionTest {

    static final String WARNING_ID = "AGENT:a-1:2026-11:WARNING:1";

    /** A WARNING decided Wednesday 10:05, due Monday 18:00. */
    static final LedgerEntry WARNING =
            Entries.entry(WARNING_ID, LedgerKind.WARNING, SubjectType.AGENT, "a-1")
                    .month("2026-11")
                    .at(WEDNESDAY_1005.toEpochMilli())
                    .dueBy(MONDAY_1800)
                    .reason("first confirmed breach of 2026-11")
                    .build();

    LedgerHarness<ActionInput> actions;

    @BeforeEach
    void open() throws Exception {
        actions = LedgerHarness.actions(DEFAULT_POLICY);
    }

    @AfterEach
    void close() throws Exception {
        actions.close();
    }

    LedgerHarness<ActionInput> send(LedgerEntry entry) throws Exception {
        return actions.send(ActionInput.of(entry), entry.at());
    }

    LedgerHarness<ActionInput> send(Review review) throws Exception {
        return actions.send(ActionInput.of(review), review.decidedAt());
    }

    @Test
    void shouldRecordAnActionDoneByItsDueDateAndForgetIt() throws Exception {
        send(WARNING);
        send(done(WARNING_ID, FRIDAY_1800)).watermark(TUESDAY_1800);

        assertThat(actions.lines())
                .containsExactly(
                        WARNING_ID
                                + ":DONE DONE AGENT:a-1 @Fri 11-27 18:00 due=Mon 11-30 18:00"
                                + " by=ops-1");
        assertThat(actions.stateEntries()).isZero();
        assertThat(actions.timers()).isZero();
    }

    @Test
    void shouldMarkAnActionOverdueAtItsDueDateAndStillRecordALateDone() throws Exception {
        send(WARNING).watermark(MONDAY_1800);
        send(done(WARNING_ID, TUESDAY_1800)).watermark(TUESDAY_1800);

        assertThat(actions.lines())
                .containsExactly(
                        WARNING_ID
                                + ":OVERDUE OVERDUE AGENT:a-1 @Mon 11-30 18:00 due=Mon 11-30 18:00",
                        WARNING_ID
                                + ":DONE DONE AGENT:a-1 @Tue 12-01 18:00 due=Mon 11-30 18:00"
                                + " by=ops-1");
        assertThat(actions.entries().get(0).actionId()).isEqualTo(WARNING_ID);
        assertThat(actions.stateEntries()).isZero();
        assertThat(actions.timers()).isZero();
    }

    @Test
    void shouldNotMarkOverdueWhenTheInputEndsBeforeTheDueDate() throws Exception {
        send(WARNING)
                .watermark(FRIDAY_1800)
                .watermark(java.time.Instant.ofEpochMilli(Long.MAX_VALUE));

        assertThat(actions.lines()).isEmpty();
    }

    @Test
    void shouldOweNothingOnceTheActionIsReversed() throws Exception {
        send(WARNING);
        send(Entries.reversal(WARNING, SATURDAY_1000.toEpochMilli(), "breach retracted"))
                .watermark(TUESDAY_1800);

        assertThat(actions.lines()).isEmpty();
        assertThat(actions.stateEntries()).isZero();
        assertThat(actions.timers()).isZero();
    }

    @Test
    void shouldMatchADoneThatArrivedBeforeItsAction() throws Exception {
        send(done(WARNING_ID, FRIDAY_1800));
        send(WARNING).watermark(TUESDAY_1800);

        assertThat(actions.entries())
                .extracting(LedgerEntry::kind)
                .containsExactly(LedgerKind.DONE);
    }

    @Test
    void shouldQuarantineADoneForNoOpenAction() throws Exception {
        Review unknown = done("AGENT:a-9:2026-11:WARNING:1", FRIDAY_1800);
        send(unknown).watermark(TUESDAY_1800);

        assertThat(actions.quarantined(ActionDueFunction.QUARANTINE))
                .extracting(QuarantineRecord::reason, QuarantineRecord::eventId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                QuarantineReason.REVIEW_UNKNOWN_SUBJECT, unknown.reviewId()));
        assertThat(actions.lines()).isEmpty();
    }

    @Test
    void shouldForgetAnOverdueActionAfterTheSafetyHorizon() throws Exception {
        send(WARNING).watermark(MONDAY_1800);

        actions.watermark(MONDAY_1800.plus(DEFAULT_POLICY.safetyHorizon()));

        assertThat(actions.stateEntries()).isZero();
        assertThat(actions.timers()).isZero();
    }
}

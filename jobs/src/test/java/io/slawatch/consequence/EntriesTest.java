package io.slawatch.consequence;

import static io.slawatch.consequence.Breaches.FRIDAY_1800;
import static io.slawatch.consequence.Breaches.MONDAY_1800;
import static io.slawatch.consequence.Breaches.WEDNESDAY_1005;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.ClockType;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.SubjectType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What consequence operators keep of an entry, and what reversals and follow-ups copy of it. */
class EntriesTest {

    static final long WEDNESDAY = WEDNESDAY_1005.toEpochMilli();
    static final long FRIDAY = FRIDAY_1800.toEpochMilli();

    /** Every field a decision can set, with values of their own, as if read off the network. */
    static final LedgerEntry SUSPENSION =
            Entries.entry("A3:AGENT:SUSPENSION", LedgerKind.SUSPENSION, SubjectType.AGENT, "a-1")
                    .ticket("T-3")
                    .month(new String("2026-11"))
                    .policyVersion(new String("2026.11"))
                    .points(-2)
                    .coupon(10)
                    .upgrade(3)
                    .days(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 18))
                    .dueBy(MONDAY_1800)
                    .at(WEDNESDAY)
                    .decidedBy("ops-1")
                    .reason("third confirmed breach of 2026-11")
                    .related(List.of("A1", "A2", "A3"), List.of("a-1"))
                    .build();

    @Test
    void shouldReverseTheKeptEntryAsTheIssuedOne() {
        LedgerEntry kept = Entries.keptForReversal(SUSPENSION);

        assertThat(Entries.reversal(kept, FRIDAY, "retracted"))
                .isEqualTo(Entries.reversal(SUSPENSION, FRIDAY, "retracted"));
    }

    @Test
    void shouldKeepForAReversalNeitherTheDecisionNorItsDueDate() {
        LedgerEntry kept = Entries.keptForReversal(SUSPENSION);

        assertThat(kept)
                .isEqualTo(
                        new LedgerEntry(
                                "A3:AGENT:SUSPENSION",
                                LedgerKind.SUSPENSION,
                                SubjectType.AGENT,
                                "a-1",
                                null,
                                "T-3",
                                null,
                                "2026-11",
                                -2,
                                10,
                                3,
                                "2026-11-16",
                                "2026-11-18",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of("A1", "A2", "A3"),
                                List.of("a-1"),
                                "2026.11"));
        assertThat(kept.month()).isSameAs("2026-11");
        assertThat(kept.policyVersion()).isSameAs("2026.11");
    }

    @Test
    void shouldFollowUpTheKeptActionAsTheIssuedOne() {
        LedgerEntry kept = Entries.keptForFollowUp(SUSPENSION);

        assertThat(Entries.followUp(kept, LedgerKind.OVERDUE, FRIDAY, "policy", "late"))
                .isEqualTo(
                        Entries.followUp(SUSPENSION, LedgerKind.OVERDUE, FRIDAY, "policy", "late"));
        assertThat(Entries.followUp(kept, LedgerKind.DONE, FRIDAY, "ops-2", "done"))
                .isEqualTo(Entries.followUp(SUSPENSION, LedgerKind.DONE, FRIDAY, "ops-2", "done"));
    }

    @Test
    void shouldKeepForAFollowUpNeitherPointsNorTheDecisionNorRelatedBreaches() {
        assertThat(Entries.keptForFollowUp(SUSPENSION))
                .isEqualTo(
                        new LedgerEntry(
                                "A3:AGENT:SUSPENSION",
                                LedgerKind.SUSPENSION,
                                SubjectType.AGENT,
                                "a-1",
                                null,
                                "T-3",
                                null,
                                "2026-11",
                                null,
                                10,
                                3,
                                "2026-11-16",
                                "2026-11-18",
                                MONDAY_1800,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "2026.11"));
    }

    @Test
    void shouldShareTheClockOfKeptEntries() {
        LedgerEntry readOffTheNetwork =
                new LedgerEntry(
                        "A4:CASE:CONFIRMED",
                        LedgerKind.CONFIRMED,
                        SubjectType.CASE,
                        "A4",
                        "A4",
                        "T-4",
                        new ClockType("RESPONSE"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);

        assertThat(Entries.keptForReversal(readOffTheNetwork).clock()).isSameAs(ClockType.RESPONSE);
        assertThat(Entries.keptForFollowUp(readOffTheNetwork).clock()).isSameAs(ClockType.RESPONSE);
    }
}

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

    static final long FRIDAY = FRIDAY_1800.toEpochMilli();

    /**
     * Every field an issued entry can carry, with values of their own, as if read off the network.
     */
    static final LedgerEntry SUSPENSION =
            new LedgerEntry(
                    "A3:AGENT:SUSPENSION",
                    LedgerKind.SUSPENSION,
                    SubjectType.AGENT,
                    "a-1",
                    "A3",
                    "T-3",
                    new ClockType("RESPONSE"),
                    new String("2026-11"),
                    -2,
                    10,
                    3,
                    LocalDate.of(2026, 11, 16).toString(),
                    LocalDate.of(2026, 11, 18).toString(),
                    MONDAY_1800,
                    WEDNESDAY_1005,
                    "ops-1",
                    "third confirmed breach of 2026-11",
                    null,
                    null,
                    null,
                    List.of("A1", "A2", "A3"),
                    List.of("a-1"),
                    new String("2026.11"));

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
                                "A3",
                                "T-3",
                                ClockType.RESPONSE,
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
        assertThat(kept.clock()).isSameAs(ClockType.RESPONSE);
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
                                "A3",
                                "T-3",
                                ClockType.RESPONSE,
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

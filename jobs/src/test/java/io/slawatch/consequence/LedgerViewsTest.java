package io.slawatch.consequence;

import static io.slawatch.consequence.Breaches.FRIDAY_1800;
import static io.slawatch.consequence.Breaches.MONDAY_1800;
import static io.slawatch.consequence.Breaches.WEDNESDAY_1005;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.index.LedgerViews;
import io.slawatch.index.TopicDocument;
import io.slawatch.model.ClockType;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.SubjectType;
import io.slawatch.serde.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The case and action states the indexer derives from ledger entries, whole. */
class LedgerViewsTest {

    static final long WEDNESDAY = WEDNESDAY_1005.toEpochMilli();
    static final long FRIDAY = FRIDAY_1800.toEpochMilli();

    static final LedgerEntry COUPON =
            Entries.entry(
                            "T-1:COMPENSATION:1:COUPON",
                            LedgerKind.COUPON,
                            SubjectType.CUSTOMER,
                            "c-1")
                    .ticket("T-1")
                    .month("2026-11")
                    .coupon(10)
                    .at(WEDNESDAY)
                    .dueBy(MONDAY_1800)
                    .build();

    static Optional<TopicDocument> view(LedgerEntry entry) {
        return LedgerViews.of((ObjectNode) Json.mapper().valueToTree(entry));
    }

    static String source(LedgerEntry entry) {
        TopicDocument document = view(entry).orElseThrow();
        return document.index()
                + " "
                + document.id()
                + " v"
                + document.offset()
                + " "
                + document.source();
    }

    /** T-1's RESPONSE breach of November. */
    static BreachCase responseBreach() {
        BreachCase breach = new BreachCase();
        breach.alertId = "T-1:RESPONSE:1:BREACHED:1";
        breach.month = "2026-11";
        breach.clock = ClockType.RESPONSE;
        return breach;
    }

    @Test
    void shouldOpenACaseAtItsVerificationRequestWithItsDeadline() {
        BreachCase breach = responseBreach();
        LedgerEntry requested =
                Entries.about(
                                breach,
                                "T-1",
                                breach.alertId + ":VERIFICATION_REQUESTED",
                                LedgerKind.VERIFICATION_REQUESTED,
                                SubjectType.CASE,
                                breach.alertId)
                        .at(WEDNESDAY)
                        .dueBy(FRIDAY_1800)
                        .build();

        assertThat(source(requested))
                .isEqualTo(
                        "slawatch-cases T-1:RESPONSE:1:BREACHED:1 v1"
                                + " {\"alertId\":\"T-1:RESPONSE:1:BREACHED:1\",\"ticketId\":\"T-1\","
                                + "\"clock\":\"RESPONSE\",\"month\":\"2026-11\","
                                + "\"at\":\"2026-11-25T02:05:00Z\",\"decidedBy\":\"policy\","
                                + "\"status\":\"OPEN\",\"verifyBy\":\"2026-11-27T10:00:00Z\"}");
    }

    @Test
    void shouldRankACaseOpenedAgainAboveItsRetraction() {
        BreachCase breach = responseBreach();
        breach.opening = 2;
        LedgerEntry requestedAgain =
                Entries.about(
                                breach,
                                "T-1",
                                breach.caseId() + ":VERIFICATION_REQUESTED",
                                LedgerKind.VERIFICATION_REQUESTED,
                                SubjectType.CASE,
                                breach.alertId)
                        .at(FRIDAY)
                        .dueBy(MONDAY_1800)
                        .build();

        assertThat(view(requestedAgain).orElseThrow().id()).isEqualTo(breach.alertId);
        assertThat(view(requestedAgain).orElseThrow().offset())
                .as("above RETRACTED (3) of the first opening")
                .isEqualTo(4);
    }

    @Test
    void shouldFollowAnActionFromOpenToOverdueAndReversedKeepingWhatItGives() {
        assertThat(source(COUPON))
                .isEqualTo(
                        "slawatch-actions T-1:COMPENSATION:1:COUPON v1"
                                + " {\"subjectType\":\"CUSTOMER\",\"subjectId\":\"c-1\","
                                + "\"ticketId\":\"T-1\",\"month\":\"2026-11\",\"couponPercent\":10,"
                                + "\"dueBy\":\"2026-11-30T10:00:00Z\",\"at\":\"2026-11-25T02:05:00Z\","
                                + "\"actionId\":\"T-1:COMPENSATION:1:COUPON\",\"action\":\"COUPON\","
                                + "\"status\":\"OPEN\"}");
        assertThat(source(Entries.followUp(COUPON, LedgerKind.OVERDUE, FRIDAY, "policy", "late")))
                .contains(
                        "\"couponPercent\":10", "\"action\":\"COUPON\"", "\"status\":\"OVERDUE\"");
        assertThat(source(Entries.reversal(COUPON, FRIDAY, "higher tier")))
                .startsWith("slawatch-actions T-1:COMPENSATION:1:COUPON v4 ")
                .contains(
                        "\"couponPercent\":10", "\"action\":\"COUPON\"", "\"status\":\"REVERSED\"");
    }

    @Test
    void shouldLeavePointsAndTheirReversalsToTheLedgerAlone() {
        LedgerEntry points =
                Entries.entry("A:AGENT:POINTS", LedgerKind.POINTS, SubjectType.AGENT, "a-1")
                        .points(-2)
                        .at(WEDNESDAY)
                        .build();

        assertThat(view(points)).isEmpty();
        assertThat(view(Entries.reversal(points, FRIDAY, "retracted"))).isEmpty();
    }
}

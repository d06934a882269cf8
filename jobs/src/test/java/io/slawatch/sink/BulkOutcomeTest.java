package io.slawatch.sink;

import static io.slawatch.sink.DocumentBufferTest.clockView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How each document of a bulk request is sorted by its response item. */
class BulkOutcomeTest {

    static final IndexedDocument INDEXED = clockView("T-1:RESPONSE:1", "RUNNING");
    static final IndexedDocument THROTTLED = clockView("T-2:RESPONSE:1", "RUNNING");
    static final IndexedDocument UNAVAILABLE = clockView("T-3:RESPONSE:1", "RUNNING");
    static final IndexedDocument UNMAPPED = clockView("T-4:RESPONSE:1", "RUNNING");

    static BulkOutcome.Item created() {
        return new BulkOutcome.Item(201, null);
    }

    static BulkOutcome.Item failed(int status, String reason) {
        return new BulkOutcome.Item(status, reason);
    }

    @Test
    void shouldSortEachDocumentIntoSentRetryOrRefused() {
        BulkOutcome outcome =
                BulkOutcome.of(
                        List.of(INDEXED, THROTTLED, UNAVAILABLE, UNMAPPED),
                        List.of(
                                created(),
                                failed(429, "queue full"),
                                failed(503, "no shard"),
                                failed(
                                        400,
                                        "mapping set to strict, dynamic introduction of [x] is not allowed")));

        assertThat(outcome)
                .isEqualTo(
                        new BulkOutcome(
                                1,
                                0,
                                List.of(THROTTLED, UNAVAILABLE),
                                List.of(
                                        new BulkOutcome.Refusal(
                                                UNMAPPED,
                                                400,
                                                "mapping set to strict, dynamic introduction of [x] is not allowed"))));
    }

    @Test
    void shouldTakeAVersionConflictOfAVersionedDocumentForSupersededAndRefuseAnUnversionedOne() {
        IndexedDocument older =
                new IndexedDocument(INDEXED.index(), INDEXED.id(), INDEXED.source(), 41L);
        BulkOutcome.Item conflict =
                failed(
                        409,
                        "[T-1:RESPONSE:1]: version conflict, current version [42] is higher than"
                                + " the one provided [41]");

        assertThat(BulkOutcome.of(List.of(older), List.of(conflict)))
                .isEqualTo(new BulkOutcome(0, 1, List.of(), List.of()));
        assertThat(BulkOutcome.of(List.of(INDEXED), List.of(conflict)).refused()).hasSize(1);
    }

    @Test
    void shouldReadEachItemsStatusAndReasonFromAFilteredResponse() throws Exception {
        String response =
                "{\"errors\":true,\"items\":[{\"index\":{\"status\":201}},"
                        + "{\"index\":{\"status\":200}},"
                        + "{\"index\":{\"status\":400,\"error\":{\"type\":\"x\","
                        + "\"reason\":\"mapping set to strict\",\"caused_by\":{\"a\":[1]}}}},"
                        + "{\"index\":{\"status\":429,\"error\":{\"reason\":\"queue full\"}}}]}";

        assertThat(
                        BulkOutcome.items(
                                new ByteArrayInputStream(
                                        response.getBytes(StandardCharsets.UTF_8))))
                .containsExactly(
                        new BulkOutcome.Item(201, null),
                        new BulkOutcome.Item(200, null),
                        new BulkOutcome.Item(400, "mapping set to strict"),
                        new BulkOutcome.Item(429, "queue full"));
    }

    @Test
    void shouldRefuseAResponseItemWithoutAStatus() {
        assertThatThrownBy(
                        () ->
                                BulkOutcome.items(
                                        new ByteArrayInputStream(
                                                "{\"items\":[{\"index\":{}}]}"
                                                        .getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class)
                .hasMessage("a bulk response item without a status");
    }

    @Test
    void shouldRetryOnlyThrottlingAndServerErrors() {
        assertThat(List.of(200, 400, 404, 409, 429, 500, 503))
                .filteredOn(BulkOutcome::retryable)
                .containsExactly(429, 500, 503);
    }
}

package io.slawatch.sink;

import static io.slawatch.sink.DocumentBufferTest.clockView;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How each document of a bulk request is sorted by its response item. */
class BulkOutcomeTest {

    static final IndexedDocument INDEXED = clockView("T-1:RESPONSE:1", "RUNNING");
    static final IndexedDocument THROTTLED = clockView("T-2:RESPONSE:1", "RUNNING");
    static final IndexedDocument UNAVAILABLE = clockView("T-3:RESPONSE:1", "RUNNING");
    static final IndexedDocument UNMAPPED = clockView("T-4:RESPONSE:1", "RUNNING");

    static BulkResponseItem created(String id) {
        return BulkResponseItem.of(
                item ->
                        item.operationType(OperationType.Index)
                                .index("slawatch-clocks")
                                .id(id)
                                .status(201));
    }

    static BulkResponseItem failed(String id, int status, String type, String reason) {
        return BulkResponseItem.of(
                item ->
                        item.operationType(OperationType.Index)
                                .index("slawatch-clocks")
                                .id(id)
                                .status(status)
                                .error(ErrorCause.of(error -> error.type(type).reason(reason))));
    }

    @Test
    void shouldSortEachDocumentIntoSentRetryOrRefused() {
        BulkOutcome outcome =
                BulkOutcome.of(
                        List.of(INDEXED, THROTTLED, UNAVAILABLE, UNMAPPED),
                        List.of(
                                created("T-1:RESPONSE:1"),
                                failed(
                                        "T-2:RESPONSE:1",
                                        429,
                                        "es_rejected_execution_exception",
                                        "queue full"),
                                failed(
                                        "T-3:RESPONSE:1",
                                        503,
                                        "unavailable_shards_exception",
                                        "no shard"),
                                failed(
                                        "T-4:RESPONSE:1",
                                        400,
                                        "strict_dynamic_mapping_exception",
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
        BulkResponseItem conflict =
                failed(
                        "T-1:RESPONSE:1",
                        409,
                        "version_conflict_engine_exception",
                        "[T-1:RESPONSE:1]: version conflict, current version [42] is higher than"
                                + " the one provided [41]");

        assertThat(BulkOutcome.of(List.of(older), List.of(conflict)))
                .isEqualTo(new BulkOutcome(0, 1, List.of(), List.of()));
        assertThat(BulkOutcome.of(List.of(INDEXED), List.of(conflict)).refused()).hasSize(1);
    }

    @Test
    void shouldRetryOnlyThrottlingAndServerErrors() {
        assertThat(List.of(200, 400, 404, 409, 429, 500, 503))
                .filteredOn(BulkOutcome::retryable)
                .containsExactly(429, 500, 503);
    }
}

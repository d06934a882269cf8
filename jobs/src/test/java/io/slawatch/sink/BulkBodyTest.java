package io.slawatch.sink;

import static io.slawatch.sink.DocumentBufferTest.clockView;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bulk request body: an action line and the document's JSON on one line, per document. */
class BulkBodyTest {

    @Test
    void shouldWriteAnActionLineAndTheDocumentForEachDocument() {
        IndexedDocument fromTopic =
                IndexedDocument.ofJson(
                        "slawatch-alerts",
                        "T-1:RESPONSE:1:BREACHED:1",
                        "{\"alertId\":\"T-1:RESPONSE:1:BREACHED:1\"}"
                                .getBytes(StandardCharsets.UTF_8),
                        42L);

        assertThat(body(List.of(fromTopic, clockView("T-1:RESPONSE:1", "RUNNING"))))
                .isEqualTo(
                        "{\"index\":{\"_index\":\"slawatch-alerts\",\"_id\":\"T-1:RESPONSE:1:BREACHED:1\",\"version\":42,\"version_type\":\"external_gte\"}}\n"
                                + "{\"alertId\":\"T-1:RESPONSE:1:BREACHED:1\"}\n"
                                + "{\"index\":{\"_index\":\"slawatch-clocks\",\"_id\":\"T-1:RESPONSE:1\"}}\n"
                                + "{\"status\":\"RUNNING\"}\n");
    }

    @Test
    void shouldEscapeAnIdAndPutJsonSpanningLinesOnOne() {
        IndexedDocument written =
                IndexedDocument.ofJson(
                        "slawatch-alerts",
                        "T-\"1\"\\é",
                        "{\n  \"alertId\": \"a\\nb\"\r\n}".getBytes(StandardCharsets.UTF_8),
                        null);

        assertThat(body(List.of(written)))
                .isEqualTo(
                        "{\"index\":{\"_index\":\"slawatch-alerts\",\"_id\":\"T-\\\"1\\\"\\\\é\"}}\n"
                                + "{\"alertId\":\"a\\nb\"}\n");
    }

    static String body(List<IndexedDocument> documents) {
        return new String(BulkBody.of(documents), StandardCharsets.UTF_8);
    }
}

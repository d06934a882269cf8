package io.slawatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentBufferTest {

    private static final long MONDAY_0900 = Instant.parse("2026-01-05T09:00:00Z").toEpochMilli();
    private static final long MONDAY_0901 = MONDAY_0900 + 60_000;
    private static final long MONDAY_0902 = MONDAY_0900 + 120_000;

    static IndexedDocument clockView(String id, String status) {
        return new IndexedDocument(
                "slawatch-clocks", id, JsonNodeFactory.instance.objectNode().put("status", status));
    }

    static IndexedDocument alert(String id) {
        return new IndexedDocument(
                "slawatch-alerts", id, JsonNodeFactory.instance.objectNode().put("alertId", id));
    }

    @Test
    void shouldKeepOnlyTheLatestDocumentOfAnIdInItsFirstPlace() {
        DocumentBuffer buffer = new DocumentBuffer();

        assertThat(buffer.add(clockView("T-1:RESPONSE:1", "RUNNING"), MONDAY_0900)).isFalse();
        assertThat(buffer.add(clockView("T-2:RESPONSE:1", "RUNNING"), MONDAY_0900)).isFalse();
        assertThat(buffer.add(clockView("T-1:RESPONSE:1", "BREACHED"), MONDAY_0901)).isTrue();

        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.drain())
                .isEqualTo(
                        new DocumentBuffer.Batch(
                                List.of(
                                        clockView("T-1:RESPONSE:1", "BREACHED"),
                                        clockView("T-2:RESPONSE:1", "RUNNING")),
                                MONDAY_0901));
        assertThat(buffer.size()).isZero();
    }

    @Test
    void shouldKeepDocumentsOfOneIdInDifferentIndicesApart() {
        DocumentBuffer buffer = new DocumentBuffer();
        IndexedDocument outcome =
                new IndexedDocument(
                        "slawatch-outcomes",
                        "T-1:RESPONSE:1",
                        JsonNodeFactory.instance.objectNode().put("status", "MET"));

        buffer.add(clockView("T-1:RESPONSE:1", "MET"), MONDAY_0900);

        assertThat(buffer.add(outcome, MONDAY_0900)).isFalse();
        assertThat(buffer.drain().documents())
                .containsExactly(clockView("T-1:RESPONSE:1", "MET"), outcome);
    }

    @Test
    void shouldDrainOneIndexAloneWithItsOwnNewestTime() {
        DocumentBuffer buffer = new DocumentBuffer();
        buffer.add(clockView("T-1:RESPONSE:1", "RUNNING"), MONDAY_0900);
        buffer.add(alert("A-1"), MONDAY_0902);
        buffer.add(clockView("T-2:RESPONSE:1", "RUNNING"), MONDAY_0901);

        assertThat(buffer.size("slawatch-clocks")).isEqualTo(2);
        assertThat(buffer.drain("slawatch-clocks"))
                .isEqualTo(
                        new DocumentBuffer.Batch(
                                List.of(
                                        clockView("T-1:RESPONSE:1", "RUNNING"),
                                        clockView("T-2:RESPONSE:1", "RUNNING")),
                                MONDAY_0901));
        assertThat(buffer.size("slawatch-clocks")).isZero();
        assertThat(buffer.size()).isEqualTo(1);
        assertThat(buffer.drain())
                .isEqualTo(new DocumentBuffer.Batch(List.of(alert("A-1")), MONDAY_0902));
    }

    @Test
    void shouldDrainNothingFromAnIndexWithNoDocuments() {
        DocumentBuffer buffer = new DocumentBuffer();
        buffer.add(alert("A-1"), DocumentBuffer.NO_TIME);

        assertThat(buffer.drain("slawatch-clocks"))
                .isEqualTo(new DocumentBuffer.Batch(List.of(), DocumentBuffer.NO_TIME));
        assertThat(buffer.drain())
                .isEqualTo(new DocumentBuffer.Batch(List.of(alert("A-1")), DocumentBuffer.NO_TIME));
    }
}

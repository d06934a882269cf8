package io.slawatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class DocumentBufferTest {

    static IndexedDocument clockView(String id, String status) {
        return new IndexedDocument(
                "slawatch-clocks", id, JsonNodeFactory.instance.objectNode().put("status", status));
    }

    @Test
    void shouldKeepOnlyTheLatestDocumentOfAnIdInItsFirstPlace() {
        DocumentBuffer buffer = new DocumentBuffer();

        assertThat(buffer.add(clockView("T-1:RESPONSE:1", "RUNNING"))).isFalse();
        assertThat(buffer.add(clockView("T-2:RESPONSE:1", "RUNNING"))).isFalse();
        assertThat(buffer.add(clockView("T-1:RESPONSE:1", "BREACHED"))).isTrue();

        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.drain())
                .containsExactly(
                        clockView("T-1:RESPONSE:1", "BREACHED"),
                        clockView("T-2:RESPONSE:1", "RUNNING"));
        assertThat(buffer.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepDocumentsOfOneIdInDifferentIndicesApart() {
        DocumentBuffer buffer = new DocumentBuffer();
        IndexedDocument outcome =
                new IndexedDocument(
                        "slawatch-outcomes",
                        "T-1:RESPONSE:1",
                        JsonNodeFactory.instance.objectNode().put("status", "MET"));

        buffer.add(clockView("T-1:RESPONSE:1", "MET"));

        assertThat(buffer.add(outcome)).isFalse();
        assertThat(buffer.drain()).containsExactly(clockView("T-1:RESPONSE:1", "MET"), outcome);
    }
}

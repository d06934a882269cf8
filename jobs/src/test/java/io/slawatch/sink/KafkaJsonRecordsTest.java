package io.slawatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KafkaJsonRecordsTest {

    /** A deadline a month before the record is written: replayed history. */
    static final long EVENT_TIME_A_MONTH_AGO = 1_761_955_200_000L;

    record Note(String ticketId, int count) {}

    @Test
    void shouldKeyByTicketWriteJsonAndLeaveTheTimestampToTheProducer() throws Exception {
        ProducerRecord<byte[], byte[]> record =
                new KafkaJsonRecords<Note>("slawatch.alerts", Note::ticketId)
                        .serialize(new Note("T-1", 2), null, EVENT_TIME_A_MONTH_AGO);

        assertThat(record.topic()).isEqualTo("slawatch.alerts");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("T-1");
        assertThat(Json.mapper().readValue(record.value(), Map.class))
                .isEqualTo(Map.of("ticketId", "T-1", "count", 2));
        assertThat(record.timestamp())
                .as("when it is written, so that retention never deletes it at once")
                .isNull();
        assertThat(record.partition()).isNull();
    }

    @Test
    void shouldWriteTheValueFunctionsResultUnderTheElementsKey() throws Exception {
        ProducerRecord<byte[], byte[]> record =
                new KafkaJsonRecords<Note>(
                                "slawatch.stats",
                                note -> note.ticketId() + ":bucket",
                                note -> Map.of("total", note.count()))
                        .serialize(new Note("T-1", 2), null, null);

        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("T-1:bucket");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"total\":2}");
    }
}

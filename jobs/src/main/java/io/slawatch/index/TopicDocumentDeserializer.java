package io.slawatch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.RawEvent;
import io.slawatch.serde.Json;
import io.slawatch.sink.ElasticsearchIndices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the records of one of the detection job's output topics as Elasticsearch documents. It
 * never fails: a record that is not a document of its topic's kind becomes a quarantine record with
 * its topic, partition and offset.
 */
public final class TopicDocumentDeserializer
        implements KafkaRecordDeserializationSchema<TopicDocument> {

    private static final long serialVersionUID = 1L;

    private final IndexedTopic kind;

    public TopicDocumentDeserializer(IndexedTopic kind) {
        this.kind = kind;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<TopicDocument> out) {
        TopicDocument document =
                read(record.topic(), record.partition(), record.offset(), record.value());
        if (document == null) {
            return;
        }
        out.collect(document);
        boolean derives =
                kind == IndexedTopic.LEDGER
                        // Only predictions have a view: the other alerts are not parsed again.
                        || (kind == IndexedTopic.ALERTS
                                && document.source() != null
                                && document.source().contains("PREDICT"));
        if (derives && document.readable()) {
            ObjectNode json;
            try {
                json = (ObjectNode) Json.mapper().readTree(document.source());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(
                        "a readable " + kind + " record no longer parses", e);
            }
            (kind == IndexedTopic.LEDGER ? LedgerViews.of(json) : PredictionViews.of(json))
                    .ifPresent(out::collect);
        }
    }

    /**
     * The document a record holds, or why it holds none; null for a statistics record of a retired
     * grain, which nothing indexes.
     */
    public TopicDocument read(String topic, int partition, long offset, byte[] value) {
        RawEvent raw = new RawEvent(topic, partition, offset, value == null ? new byte[0] : value);
        String text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(raw.payload()))
                            .toString();
        } catch (CharacterCodingException e) {
            return unreadable(raw, null, QuarantineReason.NOT_UTF8, "not UTF-8 text");
        }
        if (kind == IndexedTopic.STATS) {
            return statsDocument(raw, text, offset);
        }
        IdField id;
        try {
            id = IdField.read(text, kind.idField());
        } catch (JsonProcessingException e) {
            return unreadable(raw, text, QuarantineReason.MALFORMED_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        if (!id.inObject()) {
            return unreadable(raw, text, QuarantineReason.MALFORMED_JSON, "not a JSON object");
        }
        if (id.value() == null || id.value().isEmpty()) {
            return unreadable(
                    raw,
                    text,
                    QuarantineReason.MISSING_FIELD,
                    "a record of " + topic + " needs a text '" + kind.idField() + "'");
        }
        return TopicDocument.of(kind.index(), id.value(), text, offset);
    }

    /** A statistics record names its index by its grain and is written without its id and grain. */
    private static TopicDocument statsDocument(RawEvent raw, String text, long offset) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return unreadable(raw, text, QuarantineReason.MALFORMED_JSON, e.getOriginalMessage());
        }
        if (!(json instanceof ObjectNode object)) {
            return unreadable(raw, text, QuarantineReason.MALFORMED_JSON, "not a JSON object");
        }
        try {
            return ElasticsearchIndices.statsDocument(object)
                    .map(
                            document ->
                                    TopicDocument.of(
                                            document.index(),
                                            document.id(),
                                            document.source().toString(),
                                            offset))
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            return unreadable(raw, text, QuarantineReason.BAD_VALUE, e.getMessage());
        }
    }

    private static TopicDocument unreadable(
            RawEvent raw, String text, QuarantineReason reason, String detail) {
        return TopicDocument.unreadable(
                QuarantineRecord.ofInput(
                        raw, text, reason, detail, Clock.systemUTC().instant(), null, null));
    }

    @Override
    public TypeInformation<TopicDocument> getProducedType() {
        return TypeInformation.of(TopicDocument.class);
    }
}

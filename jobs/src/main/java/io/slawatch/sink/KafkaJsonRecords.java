package io.slawatch.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.slawatch.serde.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes records as JSON to one topic, keyed by their ticket so a ticket's records stay in order.
 */
public final class KafkaJsonRecords<T> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final SerializableFunction<T, String> key;

    public KafkaJsonRecords(String topic, SerializableFunction<T, String> key) {
        this.topic = topic;
        this.key = key;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            T element, KafkaSinkContext context, Long timestamp) {
        String keyText = key.apply(element);
        try {
            return new ProducerRecord<>(
                    topic,
                    null,
                    timestamp,
                    keyText == null ? null : keyText.getBytes(StandardCharsets.UTF_8),
                    Json.mapper().writeValueAsBytes(element));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write " + element.getClass().getSimpleName() + " as JSON", e);
        }
    }
}

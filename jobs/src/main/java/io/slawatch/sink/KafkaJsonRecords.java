package io.slawatch.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.slawatch.serde.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes records as JSON to one topic, each under its key: the ticket for alerts, outcomes and
 * quarantine (a ticket's records stay in order), the document id for clock views and statistics (a
 * compacted topic keeps the latest per key).
 *
 * <p>A record's Kafka timestamp is when it was written, not its event time: consumers measure
 * delivery from it, and a topic's time-based retention must not delete alerts of replayed history
 * (a month-old deadline) the moment they are written. Event time is in the record itself.
 */
public final class KafkaJsonRecords<T> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final SerializableFunction<T, String> key;
    private final SerializableFunction<T, Object> value;

    public KafkaJsonRecords(String topic, SerializableFunction<T, String> key) {
        this(topic, key, element -> element);
    }

    /** Writes {@code value(element)} as the record's JSON instead of the element itself. */
    public KafkaJsonRecords(
            String topic,
            SerializableFunction<T, String> key,
            SerializableFunction<T, Object> value) {
        this.topic = topic;
        this.key = key;
        this.value = value;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            T element, KafkaSinkContext context, Long timestamp) {
        String keyText = key.apply(element);
        try {
            return new ProducerRecord<>(
                    topic,
                    null,
                    null,
                    keyText == null ? null : keyText.getBytes(StandardCharsets.UTF_8),
                    Json.mapper().writeValueAsBytes(value.apply(element)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write " + element.getClass().getSimpleName() + " as JSON", e);
        }
    }
}

package io.slawatch.ingest;

import io.slawatch.model.RawEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes Kafka records (events, reviews) in the source, so that event time is taken per partition.
 * It never fails: a record that cannot be used becomes a quarantine record with its topic,
 * partition and offset.
 */
public final class KafkaRecordsDeserializer<T> implements KafkaRecordDeserializationSchema<T> {

    private static final long serialVersionUID = 1L;
    private static final byte[] EMPTY = new byte[0];

    private final RawDecoder<T> decoder;

    public KafkaRecordsDeserializer(RawDecoder<T> decoder) {
        this.decoder = decoder;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) {
        byte[] value = record.value() == null ? EMPTY : record.value();
        out.collect(
                decoder.decode(
                        new RawEvent(record.topic(), record.partition(), record.offset(), value)));
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return decoder.producedType();
    }
}

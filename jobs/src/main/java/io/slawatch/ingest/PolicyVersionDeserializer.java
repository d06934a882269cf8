package io.slawatch.ingest;

import io.slawatch.policy.PolicyVersion;
import io.slawatch.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the policy versions topic. A record that is not a version's JSON still becomes one, with
 * its text as the policy and where it was as the file, so the detection job quarantines it with the
 * reason its policy does not load, instead of losing it.
 */
public final class PolicyVersionDeserializer
        implements KafkaRecordDeserializationSchema<PolicyVersion> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<PolicyVersion> out) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        try {
            out.collect(Json.mapper().readValue(value, PolicyVersion.class));
        } catch (IOException e) {
            out.collect(
                    new PolicyVersion(
                            record.key() == null
                                    ? null
                                    : new String(record.key(), StandardCharsets.UTF_8),
                            null,
                            record.topic() + "@" + record.partition() + ":" + record.offset(),
                            new String(value, StandardCharsets.UTF_8)));
        }
    }

    @Override
    public TypeInformation<PolicyVersion> getProducedType() {
        return TypeInformation.of(PolicyVersion.class);
    }
}

package io.slawatch.notify;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.RawEvent;
import io.slawatch.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the alerts or the outcomes topic. It never fails: a record that is not an alert (or an
 * outcome) becomes a quarantine record with its topic, partition and offset.
 */
public final class NoticeDeserializer implements KafkaRecordDeserializationSchema<Notice> {

    private static final long serialVersionUID = 1L;

    /** Which topic this reads. */
    public enum Topic {
        ALERTS,
        OUTCOMES
    }

    private final Topic topic;

    public NoticeDeserializer(Topic topic) {
        this.topic = topic;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Notice> out) {
        out.collect(
                read(
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.value(),
                        record.timestamp()));
    }

    public Notice read(String from, int partition, long offset, byte[] value, long timestamp) {
        byte[] payload = value == null ? new byte[0] : value;
        String text = new String(payload, StandardCharsets.UTF_8);
        try {
            if (topic == Topic.ALERTS) {
                Alert alert = Json.mapper().readValue(payload, Alert.class);
                if (alert.alertId() == null || alert.ticketId() == null || alert.kind() == null) {
                    return unreadable(from, partition, offset, payload, text, "not an alert");
                }
                return Notice.of(alert, timestamp);
            }
            ClockOutcome outcome = Json.mapper().readValue(payload, ClockOutcome.class);
            if (outcome.ticketId() == null || outcome.clock() == null || outcome.status() == null) {
                return unreadable(from, partition, offset, payload, text, "not a clock outcome");
            }
            return Notice.of(outcome, timestamp);
        } catch (IOException e) {
            return unreadable(
                    from,
                    partition,
                    offset,
                    payload,
                    text,
                    e.getMessage().lines().findFirst().orElse("unreadable"));
        }
    }

    private static Notice unreadable(
            String from, int partition, long offset, byte[] payload, String text, String detail) {
        return Notice.unreadable(
                QuarantineRecord.ofInput(
                        new RawEvent(from, partition, offset, payload),
                        text,
                        QuarantineReason.MALFORMED_JSON,
                        detail,
                        Clock.systemUTC().instant(),
                        null,
                        null));
    }

    @Override
    public TypeInformation<Notice> getProducedType() {
        return TypeInformation.of(Notice.class);
    }
}

package io.slawatch.sink;

import io.slawatch.model.QuarantineRecord;
import io.slawatch.serde.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Rejected documents onto the quarantine topic, keyed by ticketId like every quarantine record.
 * {@link Channel#flush} waits for every send, so a checkpoint completes only once they are durable.
 */
public final class KafkaQuarantine implements RejectedDocuments {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final Map<String, String> producerProperties;

    /** {@code producerProperties} must include {@code bootstrap.servers}. */
    public KafkaQuarantine(String topic, Map<String, String> producerProperties) {
        this.topic = topic;
        this.producerProperties = Map.copyOf(producerProperties);
    }

    @Override
    public Channel open() {
        return new Channel() {
            private final List<Future<RecordMetadata>> pending = new ArrayList<>();

            /** Opened by the first rejection: most writers never have one. */
            private KafkaProducer<byte[], byte[]> producer;

            @Override
            public void rejected(QuarantineRecord record) throws IOException {
                if (producer == null) {
                    Map<String, Object> config = new HashMap<>(producerProperties);
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    producer =
                            new KafkaProducer<>(
                                    config, new ByteArraySerializer(), new ByteArraySerializer());
                }
                byte[] key =
                        record.ticketId() == null
                                ? null
                                : record.ticketId().getBytes(StandardCharsets.UTF_8);
                pending.add(
                        producer.send(
                                new ProducerRecord<>(
                                        topic, key, Json.mapper().writeValueAsBytes(record))));
            }

            @Override
            public void flush() throws IOException {
                if (producer == null) {
                    return;
                }
                producer.flush();
                try {
                    for (Future<RecordMetadata> send : pending) {
                        send.get();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while quarantining");
                } catch (ExecutionException e) {
                    throw new IOException("a rejected document could not be quarantined", e);
                }
                pending.clear();
            }

            @Override
            public void close() {
                if (producer != null) {
                    producer.close();
                }
            }
        };
    }
}

package io.slawatch.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic as a read_committed consumer would, waiting with a deadline. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
    private final List<Instant> receivedAt = new ArrayList<>();
    private final String topic;

    public TopicReader(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        this.topic = topic;
    }

    /** Everything read so far, once {@code done} holds or the deadline passed. */
    public List<ConsumerRecord<String, String>> readUntil(
            Predicate<List<ConsumerRecord<String, String>>> done, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!done.test(records) && System.nanoTime() < end) {
            poll();
        }
        return List.copyOf(records);
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
            records.add(record);
            receivedAt.add(Instant.now());
        }
    }

    /** When the {@code i}th record read was received (wall clock). */
    public Instant receivedAt(int i) {
        return receivedAt.get(i);
    }

    /**
     * Everything up to the end the topic has now (its last stable offset, so committed records
     * only), read within {@code deadline}.
     *
     * @throws IllegalStateException when the end was not reached in time
     */
    public List<ConsumerRecord<String, String>> readToEnd(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        Map<TopicPartition, Long> ends = null;
        while (System.nanoTime() < end) {
            if (ends == null && !consumer.assignment().isEmpty()) {
                ends = consumer.endOffsets(consumer.assignment());
            }
            if (ends != null && reached(ends)) {
                return List.copyOf(records);
            }
            poll();
        }
        throw new IllegalStateException(
                "did not reach the end of " + topic + " within " + deadline);
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> partition : ends.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Reads for {@code quiet} more, to catch anything unexpected that is still on its way. */
    public List<ConsumerRecord<String, String>> readFor(Duration quiet) {
        return readUntil(r -> false, quiet);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

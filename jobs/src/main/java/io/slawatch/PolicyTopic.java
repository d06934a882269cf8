package io.slawatch;

import io.slawatch.policy.PolicyException;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.PolicyVersions;
import io.slawatch.serde.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The compacted topic of policy versions ({@code slawatch.policies}, key: the version): read whole,
 * and written only after checking that a version never changes.
 */
public final class PolicyTopic {

    /** How long reading the topic to its end may take before publishing gives up. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final Map<String, String> clientProperties;
    private final String topic;

    public PolicyTopic(
            String bootstrapServers, Map<String, String> clientProperties, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.clientProperties = Map.copyOf(clientProperties);
        this.topic = topic;
    }

    public static PolicyTopic of(JobOptions options) {
        return new PolicyTopic(
                options.bootstrapServers(), options.kafkaProperties(), options.policiesTopic());
    }

    /** Every version on the topic, in the order they were written; an unreadable one is skipped. */
    public List<PolicyVersion> read() throws IOException, TimeoutException {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<PolicyVersion> versions = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(
                        properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                            .map(info -> new TopicPartition(topic, info.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException(
                            "could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    try {
                        versions.add(Json.mapper().readValue(record.value(), PolicyVersion.class));
                    } catch (IOException unreadable) {
                        // The job quarantines it; for publishing it holds no version.
                    }
                }
            }
        }
        return versions;
    }

    /**
     * Writes {@code version} unless the topic has it already with the same content; false then.
     *
     * @throws PolicyException when the topic has the version with other content
     */
    public boolean publish(PolicyVersion version)
            throws PolicyException,
                    IOException,
                    TimeoutException,
                    ExecutionException,
                    InterruptedException {
        PolicyVersions published = new PolicyVersions();
        for (PolicyVersion existing : read()) {
            try {
                published.add(existing);
            } catch (PolicyException e) {
                // A bad record on the topic does not stop a good version from being published.
            }
        }
        if (!published.add(version)) {
            return false;
        }
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        properties, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, version.version(), Json.bytes(version)))
                    .get();
        }
        return true;
    }
}

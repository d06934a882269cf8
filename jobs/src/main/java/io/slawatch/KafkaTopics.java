package io.slawatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates slawatch's topics when they are absent (only when asked to: {@code --create-topics}). */
public final class KafkaTopics {

    /** Partitions of a topic slawatch creates; an operator sizes real topics themselves. */
    public static final int DEFAULT_PARTITIONS = 1;

    private KafkaTopics() {}

    /** Creates the topics of {@code options} that do not exist; returns the ones it created. */
    public static List<String> ensure(JobOptions options)
            throws ExecutionException, InterruptedException {
        return ensure(
                options.bootstrapServers(),
                options.kafkaProperties(),
                List.of(
                        options.eventsTopic(),
                        options.alertsTopic(),
                        options.outcomesTopic(),
                        options.quarantineTopic()),
                DEFAULT_PARTITIONS);
    }

    public static List<String> ensure(
            String bootstrapServers,
            Map<String, String> clientProperties,
            List<String> topics,
            int partitions)
            throws ExecutionException, InterruptedException {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1));
                }
            }
            admin.createTopics(missing).all().get();
            return missing.stream().map(NewTopic::name).toList();
        }
    }
}

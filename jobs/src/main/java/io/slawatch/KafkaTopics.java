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

    /**
     * Partitions of a topic slawatch creates when no {@code --parallelism} is given; an operator
     * sizes real topics themselves.
     */
    public static final int DEFAULT_PARTITIONS = 1;

    private KafkaTopics() {}

    /**
     * Topics that hold the latest record per key, so the indexer can rebuild Elasticsearch from
     * them: Kafka keeps each key's last record however old.
     */
    public static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");

    /**
     * Topics that are records of decisions, kept forever: the reviews people made and the ledger of
     * what followed, which audits and replays read years later.
     */
    public static final Map<String, String> KEPT_FOREVER = Map.of("retention.ms", "-1");

    /**
     * Creates the topics of {@code options} that do not exist (the clock views, statistics and
     * policy versions compacted, the reviews and the ledger kept forever); returns the ones it
     * created.
     */
    public static List<String> ensure(JobOptions options)
            throws ExecutionException, InterruptedException {
        List<String> created =
                new ArrayList<>(
                        ensure(
                                options.bootstrapServers(),
                                options.kafkaProperties(),
                                List.of(
                                        options.eventsTopic(),
                                        options.alertsTopic(),
                                        options.outcomesTopic(),
                                        options.quarantineTopic()),
                                partitions(options),
                                Map.of()));
        created.addAll(
                ensure(
                        options.bootstrapServers(),
                        options.kafkaProperties(),
                        List.of(
                                options.clocksTopic(),
                                options.statsTopic(),
                                options.policiesTopic()),
                        partitions(options),
                        COMPACTED));
        created.addAll(
                ensure(
                        options.bootstrapServers(),
                        options.kafkaProperties(),
                        List.of(options.reviewsTopic(), options.ledgerTopic()),
                        partitions(options),
                        KEPT_FOREVER));
        return created;
    }

    /**
     * One partition per source subtask of {@code --parallelism}: a topic of fewer partitions leaves
     * the other subtasks of its source idle.
     */
    public static int partitions(JobOptions options) {
        return options.given(LiveJobOptions.PARALLELISM)
                ? options.get(LiveJobOptions.PARALLELISM)
                : DEFAULT_PARTITIONS;
    }

    /** Whether {@code topic} exists on the options' Kafka. */
    public static boolean exists(JobOptions options, String topic)
            throws ExecutionException, InterruptedException {
        Properties properties = new Properties();
        properties.putAll(options.kafkaProperties());
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            return admin.listTopics().names().get().contains(topic);
        }
    }

    public static List<String> ensure(
            String bootstrapServers,
            Map<String, String> clientProperties,
            List<String> topics,
            int partitions)
            throws ExecutionException, InterruptedException {
        return ensure(bootstrapServers, clientProperties, topics, partitions, Map.of());
    }

    private static List<String> ensure(
            String bootstrapServers,
            Map<String, String> clientProperties,
            List<String> topics,
            int partitions,
            Map<String, String> topicConfig)
            throws ExecutionException, InterruptedException {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1).configs(topicConfig));
                }
            }
            admin.createTopics(missing).all().get();
            return missing.stream().map(NewTopic::name).toList();
        }
    }
}

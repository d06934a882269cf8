package io.slawatch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.slawatch.ingest.Decoded;
import io.slawatch.ingest.EventDecoder;
import io.slawatch.ingest.KafkaEventsDeserializer;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.policy.PolicyException;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.sink.ElasticsearchClients;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.sink.KafkaJsonRecords;
import io.slawatch.sink.KafkaQuarantine;
import io.slawatch.time.EventTime;
import io.slawatch.time.WallClock;
import io.slawatch.time.WallClockTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The live job: ticket events from Kafka, alerts, outcomes and quarantine back to Kafka. Its main
 * is the shaded jar's entry point ({@code flink run slawatch-jobs-…-flink.jar --bootstrap-servers …
 * --policy …}); {@code slawatch run} builds the same graph on a local MiniCluster.
 */
public final class LiveJob {

    private LiveJob() {}

    public static void main(String[] args) throws Exception {
        JobOptions options;
        SlaPolicy policy;
        try {
            options = JobOptions.parse(args);
            policy = PolicyLoader.load(options.policyFile());
        } catch (IllegalArgumentException | PolicyException e) {
            System.err.println("slawatch cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        prepare(options).forEach(System.out::println);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(configuration(options));
        build(env, options, policy, WallClock.SYSTEM);
        env.execute("slawatch");
    }

    /**
     * What must exist before the job starts: the topics when {@code --create-topics} allows it, and
     * the index templates in Elasticsearch when they are absent. Returns what it created.
     */
    public static List<String> prepare(JobOptions options) throws Exception {
        List<String> created = new ArrayList<>();
        if (options.createTopics()) {
            KafkaTopics.ensure(options).forEach(topic -> created.add("created topic " + topic));
        }
        if (options.elasticsearch().isPresent()) {
            ElasticsearchClient client = ElasticsearchClients.create(options.elasticsearch().get());
            try {
                ElasticsearchIndices.installTemplates(client)
                        .forEach(template -> created.add("installed index template " + template));
            } finally {
                client._transport().close();
            }
        }
        return created;
    }

    /**
     * Where checkpoints go without {@code --checkpoint-dir}: the local temporary directory, which
     * serves one process ({@code run}, {@code demo}); a cluster needs a directory all its machines
     * share. Flink deletes a job's checkpoints when the job ends, leaving an empty directory.
     */
    public static final String LOCAL_CHECKPOINT_DIRECTORY =
            Path.of(System.getProperty("java.io.tmpdir"), "slawatch-checkpoints")
                    .toUri()
                    .toString();

    /** Checkpointing, state backend, restarts and serialization, from the options. */
    public static Configuration configuration(JobOptions options) {
        Configuration config = new Configuration();
        // Every record and state type has a serializer of its own; Kryo would be a silent slowdown.
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, EventTime.WATERMARK_INTERVAL);
        config.set(CoreOptions.DEFAULT_PARALLELISM, options.parallelism());
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, options.checkpointInterval());
        config.set(
                CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
                CheckpointingMode.EXACTLY_ONCE);
        config.set(
                StateBackendOptions.STATE_BACKEND,
                options.stateBackend().name().toLowerCase(java.util.Locale.ROOT));
        // Without a directory Flink keeps checkpoints in the JobManager's memory, capped at 5 MB a
        // task: some 16,000 tickets, after which every checkpoint fails and the job with them.
        config.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                options.checkpointDirectory() != null
                        ? options.checkpointDirectory()
                        : LOCAL_CHECKPOINT_DIRECTORY);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS,
                options.restartAttempts());
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, options.restartDelay());
        return config;
    }

    /**
     * Adds the live graph to {@code env}; {@code clock} drives quiet-stream event time and the
     * future-timestamp check.
     */
    public static void build(
            StreamExecutionEnvironment env, JobOptions options, SlaPolicy policy, WallClock clock) {
        SlaMonitorJob.Outputs outputs =
                SlaMonitorJob.build(
                        env,
                        source(options, clock),
                        options.parallelism(),
                        eventTime(options, clock),
                        policy);
        SlaMonitorJob.sinkTo(
                outputs,
                new SlaMonitorJob.Sinks(
                        sink(
                                options,
                                options.alertsTopic(),
                                Alert::ticketId,
                                "alerts",
                                guarantee(options)),
                        sink(
                                options,
                                options.outcomesTopic(),
                                ClockOutcome::ticketId,
                                "outcomes",
                                guarantee(options)),
                        sink(
                                options,
                                options.quarantineTopic(),
                                QuarantineRecord::ticketId,
                                "quarantine",
                                DeliveryGuarantee.AT_LEAST_ONCE)));
        options.elasticsearch()
                .ifPresent(
                        es -> {
                            Map<String, String> producer = new HashMap<>(options.kafkaProperties());
                            producer.put("bootstrap.servers", options.bootstrapServers());
                            SlaMonitorJob.sinkToElasticsearch(
                                    outputs,
                                    es,
                                    new KafkaQuarantine(options.quarantineTopic(), producer));
                        });
    }

    /** The events topic, decoded in the source with {@code clock} for the future check. */
    public static KafkaSource<Decoded> source(JobOptions options, WallClock clock) {
        EventDecoder decoder =
                new EventDecoder(
                        options.maxEventBytes(), options.futureSkew(), new WallClockTime(clock));
        return KafkaSource.<Decoded>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setProperties(kafkaProperties(options))
                .setTopics(options.eventsTopic())
                .setGroupId(options.groupId())
                .setStartingOffsets(startingOffsets(options.startingOffsets()))
                .setDeserializer(new KafkaEventsDeserializer(decoder))
                .build();
    }

    /** Live event time: the options' bounds, following {@code clock} on quiet partitions. */
    public static WatermarkStrategy<Decoded> eventTime(JobOptions options, WallClock clock) {
        return EventTime.live(
                options.outOfOrderness(),
                options.idleTimeout(),
                EventTime.DEFAULT_STARTUP_GRACE,
                clock);
    }

    private static DeliveryGuarantee guarantee(JobOptions options) {
        return options.delivery() == JobOptions.Delivery.EXACTLY_ONCE
                ? DeliveryGuarantee.EXACTLY_ONCE
                : DeliveryGuarantee.AT_LEAST_ONCE;
    }

    /**
     * Kafka's default cap on transaction timeouts (broker {@code transaction.max.timeout.ms}); the
     * sink's own default is higher and would be refused.
     */
    static final long TRANSACTION_TIMEOUT_MILLIS = 15 * 60 * 1000;

    private static <T> KafkaSink<T> sink(
            JobOptions options,
            String topic,
            SerializableFunction<T, String> key,
            String name,
            DeliveryGuarantee guarantee) {
        Properties producer = kafkaProperties(options);
        producer.putIfAbsent("transaction.timeout.ms", String.valueOf(TRANSACTION_TIMEOUT_MILLIS));
        return KafkaSink.<T>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(new KafkaJsonRecords<>(topic, key))
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(options.transactionalIdPrefix() + "-" + name)
                .build();
    }

    private static Properties kafkaProperties(JobOptions options) {
        Properties properties = new Properties();
        properties.putAll(options.kafkaProperties());
        return properties;
    }

    private static OffsetsInitializer startingOffsets(JobOptions.StartingOffsets startingOffsets) {
        return switch (startingOffsets) {
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
        };
    }
}

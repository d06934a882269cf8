package io.slawatch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.slawatch.consequence.Consequences;
import io.slawatch.ingest.Decoded;
import io.slawatch.ingest.DecodedReview;
import io.slawatch.ingest.EventDecoder;
import io.slawatch.ingest.KafkaRecordsDeserializer;
import io.slawatch.ingest.PolicyVersionDeserializer;
import io.slawatch.ingest.ReviewDecoder;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockView;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.serde.FlinkSerialization;
import io.slawatch.sink.ElasticsearchClients;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.sink.KafkaJsonRecords;
import io.slawatch.time.EventTime;
import io.slawatch.time.WallClock;
import io.slawatch.time.WallClockTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live detection job: ticket events from Kafka; alerts, outcomes, quarantine, clock views and
 * statistics back to Kafka, and nothing else, so no store downstream can hold an alert back. Its
 * main is the shaded jar's entry point ({@code flink run slawatch-jobs-…-flink.jar
 * --bootstrap-servers … --policy …}); {@code slawatch run} builds the same graph on a local
 * MiniCluster. {@link IndexerJob} feeds Elasticsearch from the topics.
 */
public final class LiveJob {

    private static final Logger LOG = LoggerFactory.getLogger(LiveJob.class);

    public static final String JOB_NAME = "slawatch";

    private LiveJob() {}

    public static void main(String[] args) throws Exception {
        JobOptions options = JobOptions.parse(args);
        if (options.given(LiveJobOptions.ELASTICSEARCH)) {
            throw new IllegalArgumentException(
                    "the detection job writes only to Kafka; give --elasticsearch to the indexer"
                            + " job instead (entry class "
                            + IndexerJob.class.getName()
                            + ", same jar)");
        }
        if (options.given(LiveJobOptions.NOTIFY)) {
            throw new IllegalArgumentException(
                    "the detection job writes only to Kafka; give --notify to the notifier job"
                            + " instead (entry class "
                            + NotifierJob.class.getName()
                            + ", same jar)");
        }
        SlaPolicy policy = PolicyLoader.load(options.policyFile());
        ReadableConfig cluster = clusterConfiguration(options);
        prepare(options).forEach(System.out::println);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(configuration(options, cluster));
        build(env, options, policy, WallClock.SYSTEM);
        env.execute(JOB_NAME);
    }

    /**
     * The configuration of the cluster a jar's main runs on, once it is known to give checkpoints a
     * directory. Refusing here, rather than exiting, keeps a JobManager that runs the main (REST
     * {@code /jars/run}) alive.
     *
     * @throws IllegalArgumentException when neither the options nor the cluster name one
     */
    static ReadableConfig clusterConfiguration(JobOptions options) {
        ReadableConfig cluster =
                StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration();
        if (!options.given(LiveJobOptions.CHECKPOINT_DIR)
                && cluster.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).isEmpty()) {
            throw new IllegalArgumentException(
                    "no checkpoint directory. Give --checkpoint-dir URI, or set"
                            + " execution.checkpointing.dir in the cluster's configuration: a"
                            + " directory every machine of the cluster reaches (without one, Flink"
                            + " keeps checkpoints in the JobManager's memory, which holds only some"
                            + " 16,000 tickets).");
        }
        return cluster;
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
        if (options.given(LiveJobOptions.POLICY)
                && KafkaTopics.exists(options, options.policiesTopic())) {
            PolicyVersion start = PolicyVersion.of(options.policyFile(), Instant.now());
            if (PolicyTopic.of(options).publish(start)) {
                created.add(
                        "published policy version "
                                + start.version()
                                + " to "
                                + options.policiesTopic());
            }
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

    /**
     * Checkpointing, state backend, restarts and serialization for a job on a local MiniCluster
     * ({@code run}, the demo, tests): {@link #configuration(JobOptions, ReadableConfig)} with no
     * cluster configuration, so the job's defaults apply where no option was given.
     */
    public static Configuration configuration(JobOptions options) {
        return configuration(options, new Configuration());
    }

    /**
     * What the job hands Flink: its own invariants, and each Flink setting the options cover only
     * when the user gave it; otherwise the {@code cluster}'s configuration holds, and only where it
     * has none either does the job's default apply. A program's configuration wins over the
     * cluster's, so setting a default here would silently override the cluster.
     */
    public static Configuration configuration(JobOptions options, ReadableConfig cluster) {
        Configuration config = FlinkSerialization.configure(new Configuration());
        config.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, EventTime.WATERMARK_INTERVAL);
        config.set(
                CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
                CheckpointingMode.EXACTLY_ONCE);
        set(
                config,
                cluster,
                CoreOptions.DEFAULT_PARALLELISM,
                options.given(LiveJobOptions.PARALLELISM),
                options.get(LiveJobOptions.PARALLELISM),
                1);
        Duration interval = options.get(LiveJobOptions.CHECKPOINT_INTERVAL);
        set(
                config,
                cluster,
                CheckpointingOptions.CHECKPOINTING_INTERVAL,
                options.given(LiveJobOptions.CHECKPOINT_INTERVAL),
                interval,
                interval);
        String backend = options.get(LiveJobOptions.STATE_BACKEND).name().toLowerCase(Locale.ROOT);
        set(
                config,
                cluster,
                StateBackendOptions.STATE_BACKEND,
                options.given(LiveJobOptions.STATE_BACKEND),
                backend,
                backend);
        // Without a directory Flink keeps checkpoints in the JobManager's memory, capped at 5 MB a
        // task: some 16,000 tickets, after which every checkpoint fails and the job with them.
        set(
                config,
                cluster,
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                options.given(LiveJobOptions.CHECKPOINT_DIR),
                options.get(LiveJobOptions.CHECKPOINT_DIR),
                LOCAL_CHECKPOINT_DIRECTORY);
        boolean restartsGiven =
                options.given(LiveJobOptions.RESTART_ATTEMPTS)
                        || options.given(LiveJobOptions.RESTART_DELAY);
        if (restartsGiven
                || cluster.getOptional(RestartStrategyOptions.RESTART_STRATEGY).isEmpty()) {
            config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            config.set(
                    RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS,
                    options.get(LiveJobOptions.RESTART_ATTEMPTS));
            config.set(
                    RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                    options.get(LiveJobOptions.RESTART_DELAY));
        }
        return config;
    }

    /** The value given; else the cluster's, left alone; else the job's {@code fallback}. */
    private static <T> void set(
            Configuration config,
            ReadableConfig cluster,
            ConfigOption<T> flink,
            boolean given,
            T value,
            T fallback) {
        if (given) {
            config.set(flink, value);
        } else if (cluster.getOptional(flink).isEmpty()) {
            config.set(flink, fallback);
        }
    }

    /**
     * Adds the live graph to {@code env}; {@code clock} drives quiet-stream event time and the
     * future-timestamp check.
     */
    public static void build(
            StreamExecutionEnvironment env, JobOptions options, SlaPolicy policy, WallClock clock) {
        DataStream<PolicyVersion> published = policyVersions(env, options);
        SlaMonitorJob.Outputs outputs =
                SlaMonitorJob.build(
                        env,
                        source(options, clock),
                        env.getParallelism(),
                        eventTime(options, clock),
                        policy,
                        List.of(),
                        published);
        SlaMonitorJob.sinkTo(
                outputs,
                new SlaMonitorJob.Sinks(
                        sink(
                                options,
                                options.alertsTopic(),
                                Alert::ticketId,
                                element -> element,
                                "alerts",
                                guarantee(options),
                                ALERT_LINGER),
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
        SlaMonitorJob.sinkViewsTo(
                outputs,
                sink(
                        options,
                        options.clocksTopic(),
                        ClockView::clockId,
                        "clocks",
                        guarantee(options)),
                sink(
                        options,
                        options.statsTopic(),
                        bucket -> bucket.id,
                        ElasticsearchIndices::statsRecord,
                        "stats",
                        guarantee(options),
                        RECORD_LINGER));
        if (policy.consequences() != null) {
            Consequences.Outputs consequences =
                    Consequences.build(
                            env,
                            outputs.clockAlerts(),
                            outputs.outcomes(),
                            reviewsSource(options, clock),
                            1,
                            EventTime.reviewsLive(
                                    options.outOfOrderness(),
                                    options.idleTimeout(),
                                    EventTime.DEFAULT_STARTUP_GRACE,
                                    clock),
                            policy,
                            published);
            for (Consequences.Part part : consequences.parts()) {
                part.entries()
                        .sinkTo(
                                sink(
                                        options,
                                        options.ledgerTopic(),
                                        LedgerEntry::subjectId,
                                        "ledger-" + part.name(),
                                        guarantee(options)))
                        .name("ledger sink, " + part.name())
                        .uid("ledger-" + part.name() + "-sink");
            }
            consequences
                    .quarantine()
                    .sinkTo(
                            sink(
                                    options,
                                    options.quarantineTopic(),
                                    QuarantineRecord::ticketId,
                                    "review-quarantine",
                                    DeliveryGuarantee.AT_LEAST_ONCE))
                    .name("review quarantine sink")
                    .uid("review-quarantine-sink");
        }
    }

    /**
     * The policy versions topic, always read whole: every version a ticket may run on. Without the
     * topic (not created, {@code --create-topics} not given) the job runs on its start policy
     * alone, and says so: create the topic and restart it to publish versions.
     */
    static DataStream<PolicyVersion> policyVersions(
            StreamExecutionEnvironment env, JobOptions options) {
        try {
            if (!KafkaTopics.exists(options, options.policiesTopic())) {
                LOG.warn(
                        "no topic {}: the job runs on --policy alone; create it (or give"
                                + " --create-topics) and restart to publish policy versions",
                        options.policiesTopic());
                return null;
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot list the topics of " + options.bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        KafkaSource<PolicyVersion> source =
                KafkaSource.<PolicyVersion>builder()
                        .setBootstrapServers(options.bootstrapServers())
                        .setProperties(kafkaProperties(options))
                        .setGroupId(options.groupId())
                        .setTopics(options.policiesTopic())
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setDeserializer(new PolicyVersionDeserializer())
                        .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "policy versions")
                .uid("policy-versions-topic")
                .setParallelism(1);
    }

    /** The reviews topic, decoded in the source with {@code clock} for the future check. */
    static KafkaSource<DecodedReview> reviewsSource(JobOptions options, WallClock clock) {
        ReviewDecoder decoder =
                new ReviewDecoder(
                        options.maxEventBytes(), options.futureSkew(), new WallClockTime(clock));
        // Optional: a deployment may add consequences before anyone has written a review.
        return subscribe(
                        KafkaSource.<DecodedReview>builder()
                                .setBootstrapServers(options.bootstrapServers())
                                .setProperties(kafkaProperties(options))
                                .setGroupId(options.groupId())
                                .setStartingOffsets(startingOffsets(options.startingOffsets()))
                                .setDeserializer(new KafkaRecordsDeserializer<>(decoder)),
                        options.reviewsTopic(),
                        true)
                .build();
    }

    /**
     * A source of what detection committed on {@code topic} (read_committed: an aborted attempt is
     * never indexed nor delivered), for a job downstream of it with its own consumer {@code group}.
     */
    static <T> KafkaSource<T> committedRecords(
            JobOptions options,
            String topic,
            String group,
            KafkaRecordDeserializationSchema<T> deserializer) {
        return committedRecords(options, topic, group, deserializer, false);
    }

    /**
     * {@link #committedRecords(JobOptions, String, String, KafkaRecordDeserializationSchema)};
     * {@code optional}: a topic that may not exist yet (the ledger of a detection job whose policy
     * has no consequences) is read once it appears, instead of failing the job.
     */
    static <T> KafkaSource<T> committedRecords(
            JobOptions options,
            String topic,
            String group,
            KafkaRecordDeserializationSchema<T> deserializer,
            boolean optional) {
        KafkaSourceBuilder<T> builder =
                KafkaSource.<T>builder()
                        .setBootstrapServers(options.bootstrapServers())
                        .setProperties(kafkaProperties(options))
                        .setProperty("isolation.level", "read_committed")
                        .setGroupId(group)
                        .setStartingOffsets(startingOffsets(options.startingOffsets()))
                        .setDeserializer(deserializer);
        return subscribe(builder, topic, optional).build();
    }

    /** How soon a source of an optional topic finds it once it is created. */
    static final Duration OPTIONAL_TOPIC_DISCOVERY = Duration.ofMinutes(1);

    /**
     * Subscribes {@code builder} to {@code topic}; an optional one by a pattern that matches its
     * name alone, which, unlike a topic list, does not fail while the topic does not exist.
     */
    private static <T> KafkaSourceBuilder<T> subscribe(
            KafkaSourceBuilder<T> builder, String topic, boolean optional) {
        if (!optional) {
            return builder.setTopics(topic);
        }
        return builder.setTopicPattern(Pattern.compile(Pattern.quote(topic)))
                .setProperty(
                        "partition.discovery.interval.ms",
                        String.valueOf(OPTIONAL_TOPIC_DISCOVERY.toMillis()));
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
                .setDeserializer(new KafkaRecordsDeserializer<>(decoder))
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

    static DeliveryGuarantee guarantee(JobOptions options) {
        return options.delivery() == LiveJobOptions.Delivery.EXACTLY_ONCE
                ? DeliveryGuarantee.EXACTLY_ONCE
                : DeliveryGuarantee.AT_LEAST_ONCE;
    }

    /**
     * Kafka's default cap on transaction timeouts (broker {@code transaction.max.timeout.ms}); the
     * sink's own default is higher and would be refused.
     */
    static final long TRANSACTION_TIMEOUT_MILLIS = 15 * 60 * 1000;

    /**
     * How long a producer of alerts waits to fill a batch: an alert leaves within milliseconds. A
     * client property wins.
     */
    static final Duration ALERT_LINGER = Duration.ofMillis(5);

    /**
     * How long a producer of the other topics (views, statistics, ledger, outcomes, quarantine)
     * waits to fill a batch: the broker's cost is mostly per request, and fuller batches cut its
     * CPU and the producers' by about a third in the bench's Kafka to Kafka run, for 50 ms more on
     * a dashboard a second behind. A client property wins.
     */
    static final Duration RECORD_LINGER = Duration.ofMillis(50);

    /** Largest batch of a producer of the job's topics; a client property wins. */
    static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    /** A sink of records that are not alerts ({@link #RECORD_LINGER}). */
    static <T> KafkaSink<T> sink(
            JobOptions options,
            String topic,
            SerializableFunction<T, String> key,
            String name,
            DeliveryGuarantee guarantee) {
        return sink(options, topic, key, element -> element, name, guarantee, RECORD_LINGER);
    }

    private static <T> KafkaSink<T> sink(
            JobOptions options,
            String topic,
            SerializableFunction<T, String> key,
            SerializableFunction<T, Object> value,
            String name,
            DeliveryGuarantee guarantee,
            Duration linger) {
        Properties producer = kafkaProperties(options);
        producer.putIfAbsent("transaction.timeout.ms", String.valueOf(TRANSACTION_TIMEOUT_MILLIS));
        // Every event writes several records (clock views, statistics, ledger entries): batches
        // filled for a while cost far less per record than one request each.
        producer.putIfAbsent("linger.ms", String.valueOf(linger.toMillis()));
        producer.putIfAbsent("batch.size", String.valueOf(PRODUCER_BATCH_BYTES));
        return KafkaSink.<T>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(new KafkaJsonRecords<>(topic, key, value))
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(options.transactionalIdPrefix() + "-" + name)
                .build();
    }

    static Properties kafkaProperties(JobOptions options) {
        Properties properties = new Properties();
        properties.putAll(options.kafkaProperties());
        return properties;
    }

    static OffsetsInitializer startingOffsets(LiveJobOptions.StartingOffsets startingOffsets) {
        return switch (startingOffsets) {
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
        };
    }
}

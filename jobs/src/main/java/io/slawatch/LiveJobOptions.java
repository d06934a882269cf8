package io.slawatch;

import io.slawatch.ingest.EventDecoder;
import io.slawatch.sink.ElasticsearchOptions;
import io.slawatch.time.EventTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/**
 * Every option of the live job, defined once as a Flink {@link ConfigOption}: its key (the name
 * written after {@code --}), type, default and description. The shaded jar's argument parsing and
 * {@code slawatch run} ({@link JobOptions#parse}), {@code slawatch run --help}, the README's option
 * table ({@link #markdownTable()}, checked by ReadmeTest) and the deployment files (checked by
 * DeploymentFilesTest) all derive from {@link #all()}.
 */
public final class LiveJobOptions {

    /** Environment variable holding the Elasticsearch user's password. */
    public static final String ELASTICSEARCH_PASSWORD_ENV = "SLAWATCH_ELASTICSEARCH_PASSWORD";

    /** Where the live job starts reading when its consumer group has no committed offsets. */
    public enum StartingOffsets {
        /** Committed offsets of the group, or the earliest when there are none. */
        COMMITTED,
        EARLIEST,
        LATEST
    }

    /** The alert topic's delivery guarantee. */
    public enum Delivery {
        AT_LEAST_ONCE,
        EXACTLY_ONCE
    }

    /** Where keyed state lives. */
    public enum StateBackend {
        HASHMAP,
        ROCKSDB
    }

    private static final List<OptionDefinition<?>> DEFINED = new ArrayList<>();

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            define(
                    "bootstrap-servers",
                    String.class,
                    null,
                    "HOST:PORT",
                    true,
                    "Kafka bootstrap servers.");

    public static final ConfigOption<String> POLICY =
            define(
                    "policy",
                    String.class,
                    null,
                    "FILE",
                    true,
                    "The SLA policy file: in force for new tickets until a version published later"
                            + " takes effect.");

    public static final ConfigOption<String> KAFKA_PROPERTIES =
            define(
                    "kafka-properties",
                    String.class,
                    null,
                    "FILE",
                    false,
                    "File of Kafka client properties (SASL, TLS, …); their values are never"
                            + " printed.");

    public static final ConfigOption<String> EVENTS_TOPIC =
            define(
                    "events-topic",
                    String.class,
                    "slawatch.ticket-events",
                    "TOPIC",
                    false,
                    "Ticket events in.");

    public static final ConfigOption<String> ALERTS_TOPIC =
            define("alerts-topic", String.class, "slawatch.alerts", "TOPIC", false, "Alerts out.");

    public static final ConfigOption<String> OUTCOMES_TOPIC =
            define(
                    "outcomes-topic",
                    String.class,
                    "slawatch.outcomes",
                    "TOPIC",
                    false,
                    "Clock outcomes out.");

    public static final ConfigOption<String> QUARANTINE_TOPIC =
            define(
                    "quarantine-topic",
                    String.class,
                    "slawatch.quarantine",
                    "TOPIC",
                    false,
                    "Records that could not be used, whole, with the reason.");

    public static final ConfigOption<String> CLOCKS_TOPIC =
            define(
                    "clocks-topic",
                    String.class,
                    "slawatch.clocks",
                    "TOPIC",
                    false,
                    "Clock views out (compacted; key {ticketId}:{clock}:{cycle}), for the indexer.");

    public static final ConfigOption<String> STATS_TOPIC =
            define(
                    "stats-topic",
                    String.class,
                    "slawatch.stats",
                    "TOPIC",
                    false,
                    "Statistics buckets out (compacted; key the bucket id), for the indexer.");

    public static final ConfigOption<String> REVIEWS_TOPIC =
            define(
                    "reviews-topic",
                    String.class,
                    "slawatch.reviews",
                    "TOPIC",
                    false,
                    "Reviews in (CONFIRM or WAIVE a breach, DONE for an action), when the policy has"
                            + " consequences.");

    public static final ConfigOption<String> LEDGER_TOPIC =
            define(
                    "ledger-topic",
                    String.class,
                    "slawatch.ledger",
                    "TOPIC",
                    false,
                    "Consequences ledger out (key the subject), when the policy has consequences.");

    public static final ConfigOption<String> POLICIES_TOPIC =
            define(
                    "policies-topic",
                    String.class,
                    "slawatch.policies",
                    "TOPIC",
                    false,
                    "Policy versions (compacted; key the version), written by `slawatch policy"
                            + " publish` and read whole by detection; --policy is published there at"
                            + " start when its version is not.");

    /** Every topic option, in the order they are created and namespaced. */
    public static final List<ConfigOption<String>> TOPICS =
            List.of(
                    EVENTS_TOPIC,
                    ALERTS_TOPIC,
                    OUTCOMES_TOPIC,
                    QUARANTINE_TOPIC,
                    CLOCKS_TOPIC,
                    STATS_TOPIC,
                    REVIEWS_TOPIC,
                    LEDGER_TOPIC,
                    POLICIES_TOPIC);

    public static final ConfigOption<Boolean> CREATE_TOPICS =
            define(
                    "create-topics",
                    Boolean.class,
                    false,
                    null,
                    false,
                    "Create the topics at start when they are absent, of a partition per"
                            + " subtask of --parallelism (clocks, stats and policies compacted,"
                            + " reviews and ledger kept forever).");

    public static final ConfigOption<String> GROUP_ID =
            define(
                    "group-id",
                    String.class,
                    "slawatch",
                    "ID",
                    false,
                    "Consumer group of the events topic.");

    public static final ConfigOption<String> INDEXER_GROUP_ID =
            define(
                    "indexer-group-id",
                    String.class,
                    "slawatch-indexer",
                    "ID",
                    false,
                    "Consumer group of the indexer; it commits its offsets with its checkpoints.");

    public static final ConfigOption<String> NOTIFIER_GROUP_ID =
            define(
                    "notifier-group-id",
                    String.class,
                    "slawatch-notifier",
                    "ID",
                    false,
                    "Consumer group of the notifier; it commits its offsets with its checkpoints.");

    public static final ConfigOption<String> NOTIFY =
            define(
                    "notify",
                    String.class,
                    null,
                    "FILE",
                    false,
                    "Notification file (receivers and routes, e.g. deploy/notify/notify.yaml), for"
                            + " the notifier job: it delivers alerts to Alertmanager, webhooks and"
                            + " PagerDuty.");

    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS =
            define(
                    "starting-offsets",
                    StartingOffsets.class,
                    StartingOffsets.COMMITTED,
                    "WHERE",
                    false,
                    "COMMITTED (the group's offsets; the earliest when it has none), EARLIEST or"
                            + " LATEST.");

    public static final ConfigOption<Delivery> DELIVERY =
            define(
                    "delivery",
                    Delivery.class,
                    Delivery.AT_LEAST_ONCE,
                    "GUARANTEE",
                    false,
                    "Of the alerts and outcomes topics. AT_LEAST_ONCE: an alert is sent the moment"
                            + " it fires; after a recovery a repeat has the same alertId and"
                            + " identical content. EXACTLY_ONCE: Kafka transactions; read_committed"
                            + " consumers see alerts when a checkpoint completes, so their latency"
                            + " includes the checkpoint interval.");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            define(
                    "transactional-id-prefix",
                    String.class,
                    "slawatch",
                    "PREFIX",
                    false,
                    "Prefix of the Kafka transactional ids (EXACTLY_ONCE): one per job on a Kafka"
                            + " cluster.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            define(
                    "out-of-orderness",
                    Duration.class,
                    EventTime.DEFAULT_OUT_OF_ORDERNESS,
                    "DURATION",
                    false,
                    "How late an event may come and still count as in order.");

    public static final ConfigOption<Duration> IDLE_TIMEOUT =
            define(
                    "idle-timeout",
                    Duration.class,
                    EventTime.DEFAULT_IDLE_TIMEOUT,
                    "DURATION",
                    false,
                    "Quiet time (not counting backpressure) after which a partition's event time"
                            + " follows the wall clock.");

    public static final ConfigOption<Duration> FUTURE_SKEW =
            define(
                    "future-skew",
                    Duration.class,
                    EventDecoder.DEFAULT_FUTURE_SKEW,
                    "DURATION",
                    false,
                    "How far ahead of the wall clock an event may be before it is quarantined.");

    public static final ConfigOption<Integer> MAX_EVENT_BYTES =
            define(
                    "max-event-bytes",
                    Integer.class,
                    EventDecoder.DEFAULT_MAX_EVENT_BYTES,
                    "N",
                    false,
                    "Larger records are quarantined (TOO_LARGE).");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            define(
                    "checkpoint-interval",
                    Duration.class,
                    Duration.ofSeconds(10),
                    "DURATION",
                    false,
                    "How often state is checkpointed. Not given: the cluster's"
                            + " execution.checkpointing.interval, or this default.");

    public static final ConfigOption<String> CHECKPOINT_DIR =
            define(
                    "checkpoint-dir",
                    String.class,
                    null,
                    "URI",
                    false,
                    "Where checkpoints go: a directory every machine of the cluster reaches, e.g."
                            + " s3://slawatch/checkpoints. Not given: the cluster's"
                            + " execution.checkpointing.dir (state.checkpoints.dir); `slawatch"
                            + " run` and the demo use the local temporary directory.");

    public static final ConfigOption<StateBackend> STATE_BACKEND =
            define(
                    "state-backend",
                    StateBackend.class,
                    StateBackend.HASHMAP,
                    "BACKEND",
                    false,
                    "HASHMAP or ROCKSDB. Not given: the cluster's state.backend.type, or this"
                            + " default.");

    public static final ConfigOption<Integer> RESTART_ATTEMPTS =
            define(
                    "restart-attempts",
                    Integer.class,
                    3,
                    "N",
                    false,
                    "Fixed-delay restarts after a failure. Neither this nor --restart-delay"
                            + " given: the cluster's restart strategy, or these defaults.");

    public static final ConfigOption<Duration> RESTART_DELAY =
            define(
                    "restart-delay",
                    Duration.class,
                    Duration.ofSeconds(5),
                    "DURATION",
                    false,
                    "Wait before each restart.");

    public static final ConfigOption<Integer> PARALLELISM =
            define(
                    "parallelism",
                    Integer.class,
                    null,
                    "N",
                    false,
                    "Parallelism of the job. Not given: the cluster's parallelism.default, or 1.");

    public static final ConfigOption<String> ELASTICSEARCH =
            define(
                    "elasticsearch",
                    String.class,
                    null,
                    "URL[,URL…]",
                    false,
                    "Elasticsearch, for the indexer job: it indexes alerts, clock views, statistics"
                            + " and the ledger from their topics there, and installs the index"
                            + " templates when absent or older.");

    public static final ConfigOption<String> ELASTICSEARCH_API_KEY_FILE =
            define(
                    "elasticsearch-api-key-file",
                    String.class,
                    null,
                    "FILE",
                    false,
                    "Elasticsearch API key, on the file's first line.");

    public static final ConfigOption<String> ELASTICSEARCH_USER =
            define(
                    "elasticsearch-user",
                    String.class,
                    null,
                    "NAME",
                    false,
                    "Elasticsearch user; the password comes from the environment variable "
                            + ELASTICSEARCH_PASSWORD_ENV
                            + ".");

    public static final ConfigOption<String> ELASTICSEARCH_CA_FILE =
            define(
                    "elasticsearch-ca-file",
                    String.class,
                    null,
                    "FILE",
                    false,
                    "PEM certificate of the CA that signed Elasticsearch's TLS certificate.");

    public static final ConfigOption<Duration> ELASTICSEARCH_TIMEOUT =
            define(
                    "elasticsearch-timeout",
                    Duration.class,
                    ElasticsearchOptions.DEFAULT_REQUEST_TIMEOUT,
                    "DURATION",
                    false,
                    "Longest an Elasticsearch request may take before it is retried.");

    private LiveJobOptions() {}

    /** Every option, in the order help and the README list them. */
    public static List<OptionDefinition<?>> all() {
        return List.copyOf(DEFINED);
    }

    /**
     * What every job downstream of detection reads besides its own topics and group: Kafka, the
     * quarantine topic, and Flink's settings.
     */
    private static final List<ConfigOption<?>> DOWNSTREAM =
            List.of(
                    BOOTSTRAP_SERVERS,
                    KAFKA_PROPERTIES,
                    QUARANTINE_TOPIC,
                    CREATE_TOPICS,
                    STARTING_OFFSETS,
                    CHECKPOINT_INTERVAL,
                    CHECKPOINT_DIR,
                    STATE_BACKEND,
                    RESTART_ATTEMPTS,
                    RESTART_DELAY,
                    PARALLELISM);

    /** The options the indexer job reads; the rest are detection's. */
    public static List<OptionDefinition<?>> indexer() {
        return downstream(
                List.of(ALERTS_TOPIC, CLOCKS_TOPIC, STATS_TOPIC, LEDGER_TOPIC, INDEXER_GROUP_ID),
                "elasticsearch");
    }

    /** The options the notifier job reads. */
    public static List<OptionDefinition<?>> notifier() {
        return downstream(List.of(ALERTS_TOPIC, OUTCOMES_TOPIC, NOTIFIER_GROUP_ID, NOTIFY), null);
    }

    /**
     * The options {@code slawatch review} and {@code slawatch policy publish} read: where Kafka and
     * their topics are.
     */
    public static List<OptionDefinition<?>> review() {
        return DEFINED.stream()
                .filter(
                        d ->
                                List.of(
                                                BOOTSTRAP_SERVERS,
                                                KAFKA_PROPERTIES,
                                                REVIEWS_TOPIC,
                                                POLICIES_TOPIC)
                                        .contains(d.option()))
                .toList();
    }

    /** {@link #DOWNSTREAM}, {@code own}, and every option named with {@code prefix}, in order. */
    private static List<OptionDefinition<?>> downstream(List<ConfigOption<?>> own, String prefix) {
        return DEFINED.stream()
                .filter(
                        d ->
                                DOWNSTREAM.contains(d.option())
                                        || own.contains(d.option())
                                        || (prefix != null && d.name().startsWith(prefix)))
                .toList();
    }

    /** The options that say how to reach Elasticsearch, shared with {@code slawatch es init}. */
    public static List<OptionDefinition<?>> elasticsearch() {
        return DEFINED.stream().filter(d -> d.name().startsWith("elasticsearch")).toList();
    }

    public static Optional<OptionDefinition<?>> named(String name) {
        return DEFINED.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * The topics, consumer group and transactional ids of a run of its own, each starting with
     * {@code prefix}, so that runs sharing one Kafka (tests, benchmarks, demos) never meet.
     */
    public static Configuration namespaced(String prefix) {
        Configuration given = new Configuration();
        List<ConfigOption<String>> names = new ArrayList<>(TOPICS);
        names.addAll(
                List.of(GROUP_ID, INDEXER_GROUP_ID, NOTIFIER_GROUP_ID, TRANSACTIONAL_ID_PREFIX));
        for (ConfigOption<String> name : names) {
            given.set(name, prefix + name.defaultValue());
        }
        return given;
    }

    /** The README's option table: one row per option with its default and description. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| option | default | what |\n|---|---|---|\n");
        for (OptionDefinition<?> definition : DEFINED) {
            table.append("| `--")
                    .append(definition.name())
                    .append(definition.isFlag() ? "" : " " + definition.valueLabel())
                    .append("` | ")
                    .append(
                            definition.required()
                                    ? "required"
                                    : definition.defaultText().map(d -> "`" + d + "`").orElse(""))
                    .append(" | ")
                    .append(definition.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        return table.toString();
    }

    /** A value as a command line writes it. */
    static String format(Object value) {
        return value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static <T> ConfigOption<T> define(
            String key,
            Class<T> type,
            T defaultValue,
            String valueLabel,
            boolean required,
            String description) {
        ConfigOptions.OptionBuilder builder = ConfigOptions.key(key);
        ConfigOptions.TypedConfigOptionBuilder<T> typed;
        if (type == String.class) {
            typed = (ConfigOptions.TypedConfigOptionBuilder<T>) builder.stringType();
        } else if (type == Duration.class) {
            typed = (ConfigOptions.TypedConfigOptionBuilder<T>) builder.durationType();
        } else if (type == Integer.class) {
            typed = (ConfigOptions.TypedConfigOptionBuilder<T>) builder.intType();
        } else if (type == Boolean.class) {
            typed = (ConfigOptions.TypedConfigOptionBuilder<T>) builder.booleanType();
        } else if (type.isEnum()) {
            typed = enumType(builder, type);
        } else {
            throw new IllegalArgumentException("no option type for " + type);
        }
        ConfigOption<T> option =
                (defaultValue == null ? typed.noDefaultValue() : typed.defaultValue(defaultValue))
                        .withDescription(description);
        DEFINED.add(new OptionDefinition<>(option, type, valueLabel, required));
        return option;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> ConfigOptions.TypedConfigOptionBuilder<T> enumType(
            ConfigOptions.OptionBuilder builder, Class<T> type) {
        return (ConfigOptions.TypedConfigOptionBuilder<T>) builder.enumType((Class) type);
    }
}

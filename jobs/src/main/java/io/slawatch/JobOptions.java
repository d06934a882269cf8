package io.slawatch;

import io.slawatch.ingest.EventDecoder;
import io.slawatch.sink.ElasticsearchOptions;
import io.slawatch.time.EventTime;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The options of the live job, parsed once, validated, immutable. {@code slawatch run} and the
 * shaded jar's main ({@code flink run … --bootstrap-servers … --policy …}) take the same names.
 * Kafka client properties (SASL, TLS, …) come from a properties file named by {@code
 * --kafka-properties}; their values are never printed.
 */
public record JobOptions(
        String bootstrapServers,
        Map<String, String> kafkaProperties,
        String eventsTopic,
        String alertsTopic,
        String outcomesTopic,
        String quarantineTopic,
        String groupId,
        StartingOffsets startingOffsets,
        Delivery delivery,
        String transactionalIdPrefix,
        boolean createTopics,
        Duration outOfOrderness,
        Duration idleTimeout,
        Duration futureSkew,
        int maxEventBytes,
        Duration checkpointInterval,
        StateBackend stateBackend,
        String checkpointDirectory,
        int restartAttempts,
        Duration restartDelay,
        int parallelism,
        Path policyFile,
        List<String> elasticsearchUrls,
        String elasticsearchApiKey,
        String elasticsearchUser,
        String elasticsearchPassword,
        String elasticsearchCaCertificate,
        Duration elasticsearchTimeout)
        implements Serializable {

    /** Environment variable holding the Elasticsearch user's password. */
    public static final String ELASTICSEARCH_PASSWORD_ENV = "SLAWATCH_ELASTICSEARCH_PASSWORD";

    public static final String DEFAULT_EVENTS_TOPIC = "slawatch.ticket-events";
    public static final String DEFAULT_ALERTS_TOPIC = "slawatch.alerts";
    public static final String DEFAULT_OUTCOMES_TOPIC = "slawatch.outcomes";
    public static final String DEFAULT_QUARANTINE_TOPIC = "slawatch.quarantine";
    public static final String DEFAULT_GROUP_ID = "slawatch";
    public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = "slawatch";
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    public static final int DEFAULT_RESTART_ATTEMPTS = 3;
    public static final Duration DEFAULT_RESTART_DELAY = Duration.ofSeconds(5);

    /** Where the live job starts reading when its consumer group has no committed offsets. */
    public enum StartingOffsets {
        /** Committed offsets of the group, or the earliest when there are none. */
        COMMITTED,
        EARLIEST,
        LATEST
    }

    /** The alert topic's delivery guarantee. */
    public enum Delivery {
        /**
         * An alert is sent the moment it fires; after a recovery a repeat carries the same alertId
         * and identical content.
         */
        AT_LEAST_ONCE,
        /**
         * Kafka transactions: read_committed consumers see alerts when a checkpoint completes, so
         * their latency includes the checkpoint interval.
         */
        EXACTLY_ONCE
    }

    /** Where keyed state lives. */
    public enum StateBackend {
        HASHMAP,
        ROCKSDB
    }

    public JobOptions {
        kafkaProperties = Collections.unmodifiableMap(new TreeMap<>(kafkaProperties));
        elasticsearchUrls = List.copyOf(elasticsearchUrls);
    }

    /** Where the job writes alerts, outcomes and clock views in Elasticsearch; empty if nowhere. */
    public Optional<ElasticsearchOptions> elasticsearch() {
        return elasticsearchOptions(
                elasticsearchUrls,
                elasticsearchApiKey,
                elasticsearchUser,
                elasticsearchPassword,
                elasticsearchCaCertificate,
                elasticsearchTimeout);
    }

    private static Optional<ElasticsearchOptions> elasticsearchOptions(
            List<String> urls,
            String apiKey,
            String user,
            String password,
            String caCertificate,
            Duration timeout) {
        if (urls.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new ElasticsearchOptions(
                        urls,
                        apiKey,
                        user,
                        password,
                        caCertificate,
                        timeout,
                        ElasticsearchOptions.DEFAULT_MAX_ACTIONS,
                        ElasticsearchOptions.DEFAULT_FLUSH_INTERVAL,
                        ElasticsearchOptions.DEFAULT_INITIAL_BACKOFF,
                        ElasticsearchOptions.DEFAULT_MAX_BACKOFF));
    }

    /** The options as a person reads them; Kafka property values are masked. */
    @Override
    public String toString() {
        return "bootstrap-servers="
                + bootstrapServers
                + " kafka-properties="
                + kafkaProperties.keySet()
                + " topics="
                + List.of(eventsTopic, alertsTopic, outcomesTopic, quarantineTopic)
                + " group-id="
                + groupId
                + " starting-offsets="
                + startingOffsets
                + " delivery="
                + delivery
                + " out-of-orderness="
                + outOfOrderness
                + " idle-timeout="
                + idleTimeout
                + " future-skew="
                + futureSkew
                + " checkpoint-interval="
                + checkpointInterval
                + " state-backend="
                + stateBackend
                + " parallelism="
                + parallelism
                + " policy="
                + policyFile
                + " elasticsearch="
                + elasticsearch().map(Object::toString).orElse("none");
    }

    /** Every option name, as written on the command line after {@code --}. */
    public static final Set<String> NAMES =
            Set.of(
                    "bootstrap-servers",
                    "kafka-properties",
                    "events-topic",
                    "alerts-topic",
                    "outcomes-topic",
                    "quarantine-topic",
                    "group-id",
                    "starting-offsets",
                    "delivery",
                    "transactional-id-prefix",
                    "create-topics",
                    "out-of-orderness",
                    "idle-timeout",
                    "future-skew",
                    "max-event-bytes",
                    "checkpoint-interval",
                    "state-backend",
                    "checkpoint-dir",
                    "restart-attempts",
                    "restart-delay",
                    "parallelism",
                    "policy",
                    "elasticsearch",
                    "elasticsearch-api-key-file",
                    "elasticsearch-user",
                    "elasticsearch-ca-file",
                    "elasticsearch-timeout");

    /**
     * Parses {@code --name value} pairs ({@code --create-topics} alone means true).
     *
     * @throws IllegalArgumentException listing every bad option with how to fix it
     */
    public static JobOptions parse(String[] args) {
        Map<String, String> values = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                errors.add("unexpected argument '" + arg + "': options are written --name value");
                continue;
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            if (!NAMES.contains(name)) {
                errors.add(
                        "unknown option --"
                                + name
                                + "; options: --"
                                + String.join(", --", NAMES.stream().sorted().toList()));
                continue;
            }
            values.put(name, value);
        }
        Builder builder = new Builder();
        Reading reading = new Reading(values, errors);
        builder.bootstrapServers = values.get("bootstrap-servers");
        String properties = values.get("kafka-properties");
        if (properties != null) {
            builder.kafkaProperties =
                    reading.file(
                            "kafka-properties",
                            Path.of(properties),
                            JobOptions::loadKafkaProperties,
                            Map.of());
        }
        builder.eventsTopic = values.getOrDefault("events-topic", builder.eventsTopic);
        builder.alertsTopic = values.getOrDefault("alerts-topic", builder.alertsTopic);
        builder.outcomesTopic = values.getOrDefault("outcomes-topic", builder.outcomesTopic);
        builder.quarantineTopic = values.getOrDefault("quarantine-topic", builder.quarantineTopic);
        builder.groupId = values.getOrDefault("group-id", builder.groupId);
        builder.startingOffsets =
                reading.choice("starting-offsets", StartingOffsets.class, builder.startingOffsets);
        builder.delivery = reading.choice("delivery", Delivery.class, builder.delivery);
        builder.transactionalIdPrefix =
                values.getOrDefault("transactional-id-prefix", builder.transactionalIdPrefix);
        builder.createTopics = reading.bool("create-topics", builder.createTopics);
        builder.outOfOrderness = reading.duration("out-of-orderness", builder.outOfOrderness);
        builder.idleTimeout = reading.duration("idle-timeout", builder.idleTimeout);
        builder.futureSkew = reading.duration("future-skew", builder.futureSkew);
        builder.maxEventBytes = reading.integer("max-event-bytes", builder.maxEventBytes);
        builder.checkpointInterval =
                reading.duration("checkpoint-interval", builder.checkpointInterval);
        builder.stateBackend =
                reading.choice("state-backend", StateBackend.class, builder.stateBackend);
        builder.checkpointDirectory = values.get("checkpoint-dir");
        builder.restartAttempts = reading.integer("restart-attempts", builder.restartAttempts);
        builder.restartDelay = reading.duration("restart-delay", builder.restartDelay);
        builder.parallelism = reading.integer("parallelism", builder.parallelism);
        String elasticsearch = values.get("elasticsearch");
        if (elasticsearch != null) {
            builder.elasticsearchUrls = List.of(elasticsearch.split(","));
        }
        String apiKeyFile = values.get("elasticsearch-api-key-file");
        if (apiKeyFile != null) {
            builder.elasticsearchApiKey =
                    reading.file(
                            "elasticsearch-api-key-file",
                            Path.of(apiKeyFile),
                            JobOptions::readSecret,
                            null);
        }
        builder.elasticsearchUser = values.get("elasticsearch-user");
        String caFile = values.get("elasticsearch-ca-file");
        if (caFile != null) {
            builder.elasticsearchCaCertificate =
                    reading.file(
                            "elasticsearch-ca-file",
                            Path.of(caFile),
                            file -> Files.readString(file, StandardCharsets.US_ASCII),
                            null);
        }
        builder.elasticsearchTimeout =
                reading.duration("elasticsearch-timeout", builder.elasticsearchTimeout);
        String policy = values.get("policy");
        builder.policyFile = policy == null ? null : Path.of(policy);
        return builder.build(errors);
    }

    /** Each option's default, by name, as a command line shows it. */
    public static Map<String, String> defaults() {
        Builder builder = new Builder();
        Map<String, String> defaults = new TreeMap<>();
        defaults.put("events-topic", builder.eventsTopic);
        defaults.put("alerts-topic", builder.alertsTopic);
        defaults.put("outcomes-topic", builder.outcomesTopic);
        defaults.put("quarantine-topic", builder.quarantineTopic);
        defaults.put("group-id", builder.groupId);
        defaults.put("starting-offsets", builder.startingOffsets.name());
        defaults.put("delivery", builder.delivery.name());
        defaults.put("transactional-id-prefix", builder.transactionalIdPrefix);
        defaults.put("out-of-orderness", builder.outOfOrderness.toString());
        defaults.put("idle-timeout", builder.idleTimeout.toString());
        defaults.put("future-skew", builder.futureSkew.toString());
        defaults.put("max-event-bytes", String.valueOf(builder.maxEventBytes));
        defaults.put("checkpoint-interval", builder.checkpointInterval.toString());
        defaults.put("state-backend", builder.stateBackend.name());
        defaults.put("restart-attempts", String.valueOf(builder.restartAttempts));
        defaults.put("restart-delay", builder.restartDelay.toString());
        defaults.put("parallelism", String.valueOf(builder.parallelism));
        defaults.put("elasticsearch-timeout", builder.elasticsearchTimeout.toString());
        return defaults;
    }

    /** A secret kept in a file: its first line. Never printed. */
    public static String readSecret(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .findFirst()
                .orElse("")
                .trim();
    }

    /** Kafka client properties from a properties file. */
    public static Map<String, String> loadKafkaProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        return map;
    }

    /** Options with their defaults, to be set and then validated by {@link #build()}. */
    public static final class Builder {
        public String bootstrapServers;
        public Map<String, String> kafkaProperties = Map.of();
        public String eventsTopic = DEFAULT_EVENTS_TOPIC;
        public String alertsTopic = DEFAULT_ALERTS_TOPIC;
        public String outcomesTopic = DEFAULT_OUTCOMES_TOPIC;
        public String quarantineTopic = DEFAULT_QUARANTINE_TOPIC;
        public String groupId = DEFAULT_GROUP_ID;
        public StartingOffsets startingOffsets = StartingOffsets.COMMITTED;
        public Delivery delivery = Delivery.AT_LEAST_ONCE;
        public String transactionalIdPrefix = DEFAULT_TRANSACTIONAL_ID_PREFIX;
        public boolean createTopics;
        public Duration outOfOrderness = EventTime.DEFAULT_OUT_OF_ORDERNESS;
        public Duration idleTimeout = EventTime.DEFAULT_IDLE_TIMEOUT;
        public Duration futureSkew = EventDecoder.DEFAULT_FUTURE_SKEW;
        public int maxEventBytes = EventDecoder.DEFAULT_MAX_EVENT_BYTES;
        public Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        public StateBackend stateBackend = StateBackend.HASHMAP;
        public String checkpointDirectory;
        public int restartAttempts = DEFAULT_RESTART_ATTEMPTS;
        public Duration restartDelay = DEFAULT_RESTART_DELAY;
        public int parallelism = 1;
        public Path policyFile;
        public List<String> elasticsearchUrls = List.of();
        public String elasticsearchApiKey;
        public String elasticsearchUser;

        /** PEM text of the CA that signed Elasticsearch's certificate; the JDK's CAs if absent. */
        public String elasticsearchCaCertificate;

        public Duration elasticsearchTimeout = ElasticsearchOptions.DEFAULT_REQUEST_TIMEOUT;

        /** Read from {@link #ELASTICSEARCH_PASSWORD_ENV} when a user is given. */
        public String elasticsearchPassword;

        private void validateElasticsearch(List<String> errors) {
            positive(errors, "elasticsearch-timeout", elasticsearchTimeout, false);
            for (String url : elasticsearchUrls) {
                if (!url.matches("https?://[^/\\s]+/?")) {
                    errors.add(
                            "--elasticsearch '"
                                    + url
                                    + "' is not a URL such as http://localhost:9200");
                }
            }
            if (elasticsearchCaCertificate != null
                    && !elasticsearchCaCertificate.contains("-----BEGIN CERTIFICATE-----")) {
                errors.add(
                        "--elasticsearch-ca-file is not a PEM certificate; give the CA file"
                                + " (e.g. http_ca.crt), which starts with -----BEGIN CERTIFICATE-----");
            }
            if (elasticsearchUser != null && elasticsearchPassword == null) {
                elasticsearchPassword = System.getenv(ELASTICSEARCH_PASSWORD_ENV);
                if (elasticsearchPassword == null) {
                    errors.add(
                            "--elasticsearch-user needs the password in the environment variable "
                                    + ELASTICSEARCH_PASSWORD_ENV);
                }
            }
        }

        /**
         * The Elasticsearch options alone, validated, for commands that need nothing else.
         *
         * @throws IllegalArgumentException listing every bad option with how to fix it
         */
        public ElasticsearchOptions elasticsearchOnly() {
            List<String> errors = new ArrayList<>();
            validateElasticsearch(errors);
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(
                        "bad options:\n  " + String.join("\n  ", errors));
            }
            return elasticsearchOptions(
                            elasticsearchUrls,
                            elasticsearchApiKey,
                            elasticsearchUser,
                            elasticsearchPassword,
                            elasticsearchCaCertificate,
                            elasticsearchTimeout)
                    .orElseThrow();
        }

        /**
         * @throws IllegalArgumentException listing every bad option with how to fix it
         */
        public JobOptions build() {
            return build(new ArrayList<>());
        }

        JobOptions build(List<String> errors) {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                errors.add(
                        "--bootstrap-servers is required, e.g. --bootstrap-servers localhost:9092");
            }
            if (policyFile == null) {
                errors.add("--policy is required, e.g. --policy deploy/policies/default.yaml");
            } else if (!Files.isReadable(policyFile)) {
                errors.add("--policy " + policyFile + ": no such readable file");
            }
            positive(errors, "out-of-orderness", outOfOrderness, true);
            positive(errors, "idle-timeout", idleTimeout, false);
            positive(errors, "future-skew", futureSkew, true);
            positive(errors, "checkpoint-interval", checkpointInterval, false);
            positive(errors, "restart-delay", restartDelay, true);
            if (maxEventBytes < 1) {
                errors.add("--max-event-bytes must be at least 1, not " + maxEventBytes);
            }
            if (restartAttempts < 0) {
                errors.add("--restart-attempts cannot be negative");
            }
            if (parallelism < 1) {
                errors.add("--parallelism must be at least 1, not " + parallelism);
            }
            for (String topic : List.of(eventsTopic, alertsTopic, outcomesTopic, quarantineTopic)) {
                if (topic == null || !topic.matches("[a-zA-Z0-9._-]{1,249}")) {
                    errors.add(
                            "'"
                                    + topic
                                    + "' is not a valid Kafka topic name (letters, digits, . _ -)");
                }
            }
            validateElasticsearch(errors);
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(
                        "bad options:\n  " + String.join("\n  ", errors));
            }
            return new JobOptions(
                    bootstrapServers,
                    kafkaProperties,
                    eventsTopic,
                    alertsTopic,
                    outcomesTopic,
                    quarantineTopic,
                    groupId,
                    startingOffsets,
                    delivery,
                    transactionalIdPrefix,
                    createTopics,
                    outOfOrderness,
                    idleTimeout,
                    futureSkew,
                    maxEventBytes,
                    checkpointInterval,
                    stateBackend,
                    checkpointDirectory,
                    restartAttempts,
                    restartDelay,
                    parallelism,
                    policyFile,
                    elasticsearchUrls,
                    elasticsearchApiKey,
                    elasticsearchUser,
                    elasticsearchPassword,
                    elasticsearchCaCertificate,
                    elasticsearchTimeout);
        }

        private static void positive(
                List<String> errors, String name, Duration value, boolean zeroAllowed) {
            if (value.isNegative() || (!zeroAllowed && value.isZero())) {
                errors.add(
                        "--"
                                + name
                                + " must be "
                                + (zeroAllowed ? "zero or more" : "positive")
                                + ", not "
                                + value);
            }
        }
    }

    /** Reads typed option values, collecting a message per bad one. */
    private record Reading(Map<String, String> values, List<String> errors) {

        Duration duration(String name, Duration fallback) {
            String value = values.get(name);
            if (value == null) {
                return fallback;
            }
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                errors.add(
                        "--" + name + " '" + value + "' is not an ISO-8601 duration such as PT2S");
                return fallback;
            }
        }

        int integer(String name, int fallback) {
            String value = values.get(name);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                errors.add("--" + name + " '" + value + "' is not a whole number");
                return fallback;
            }
        }

        boolean bool(String name, boolean fallback) {
            String value = values.get(name);
            if (value == null) {
                return fallback;
            }
            if (!value.equals("true") && !value.equals("false")) {
                errors.add("--" + name + " '" + value + "' must be true or false");
                return fallback;
            }
            return value.equals("true");
        }

        <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
            String value = values.get(name);
            if (value == null) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                List<String> choices = new ArrayList<>();
                for (E constant : type.getEnumConstants()) {
                    choices.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                }
                errors.add(
                        "--"
                                + name
                                + " '"
                                + value
                                + "' is not one of "
                                + String.join(", ", choices));
                return fallback;
            }
        }

        /** What {@code read} makes of the file named by {@code --option}; the error if it fails. */
        <T> T file(String option, Path file, FileContent<T> read, T fallback) {
            try {
                return read.from(file);
            } catch (IOException e) {
                errors.add(
                        "--"
                                + option
                                + " "
                                + file
                                + ": cannot read ("
                                + e.getClass().getSimpleName()
                                + ")");
                return fallback;
            }
        }
    }

    /** Reads what an option's file holds. */
    @FunctionalInterface
    private interface FileContent<T> {
        T from(Path file) throws IOException;
    }
}

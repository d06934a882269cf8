package io.slawatch;

import static io.slawatch.LiveJobOptions.*;

import io.slawatch.LiveJobOptions.Delivery;
import io.slawatch.LiveJobOptions.StartingOffsets;
import io.slawatch.sink.ElasticsearchOptions;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * The live job's options ({@link LiveJobOptions}), parsed once, validated, immutable: what was
 * given, with the defaults of what was not, and the contents of the files they name. {@link
 * #given(ConfigOption)} tells which the user gave, so that settings Flink also has are handed to it
 * only when given and a cluster's own configuration is not overridden by a default. Kafka client
 * properties and secrets are never printed.
 */
public record JobOptions(
        Configuration givenOptions,
        Map<String, String> kafkaProperties,
        String elasticsearchApiKey,
        String elasticsearchPassword,
        String elasticsearchCaCertificate)
        implements Serializable {

    /** The job the options start, which decides what is required. */
    public enum Job {
        /** Events to alerts, outcomes, clock views and statistics: needs a policy. */
        DETECTION,
        /** Clock views, alerts and statistics from Kafka into Elasticsearch: needs its URL. */
        INDEXER,
        /** Alerts from Kafka to Alertmanager, webhooks and PagerDuty: needs the notify file. */
        NOTIFIER,
        /** A person's review written to the reviews topic: needs Kafka. */
        REVIEW;

        public boolean requires(OptionDefinition<?> definition) {
            return switch (this) {
                case DETECTION -> definition.required();
                case INDEXER ->
                        definition.option() == BOOTSTRAP_SERVERS
                                || definition.option() == ELASTICSEARCH;
                case NOTIFIER ->
                        definition.option() == BOOTSTRAP_SERVERS || definition.option() == NOTIFY;
                case REVIEW -> definition.option() == BOOTSTRAP_SERVERS;
            };
        }
    }

    public JobOptions {
        givenOptions = new Configuration(givenOptions);
        kafkaProperties = Collections.unmodifiableMap(new TreeMap<>(kafkaProperties));
    }

    /** The options the user gave, and only those. */
    @Override
    public Configuration givenOptions() {
        return new Configuration(givenOptions);
    }

    /** The value given, or the option's default. */
    public <T> T get(ConfigOption<T> option) {
        return givenOptions.get(option);
    }

    public boolean given(ConfigOption<?> option) {
        return givenOptions.contains(option);
    }

    public String bootstrapServers() {
        return get(BOOTSTRAP_SERVERS);
    }

    public Path policyFile() {
        return Path.of(get(POLICY));
    }

    public String eventsTopic() {
        return get(EVENTS_TOPIC);
    }

    public String alertsTopic() {
        return get(ALERTS_TOPIC);
    }

    public String outcomesTopic() {
        return get(OUTCOMES_TOPIC);
    }

    public String clocksTopic() {
        return get(CLOCKS_TOPIC);
    }

    public String statsTopic() {
        return get(STATS_TOPIC);
    }

    public String reviewsTopic() {
        return get(LiveJobOptions.REVIEWS_TOPIC);
    }

    public String policiesTopic() {
        return get(LiveJobOptions.POLICIES_TOPIC);
    }

    public String ledgerTopic() {
        return get(LiveJobOptions.LEDGER_TOPIC);
    }

    public String indexerGroupId() {
        return get(INDEXER_GROUP_ID);
    }

    public String notifierGroupId() {
        return get(NOTIFIER_GROUP_ID);
    }

    /** The notification file, when given. */
    public Optional<Path> notifyFile() {
        return givenOptions.getOptional(NOTIFY).map(Path::of);
    }

    public String quarantineTopic() {
        return get(QUARANTINE_TOPIC);
    }

    public String groupId() {
        return get(GROUP_ID);
    }

    public StartingOffsets startingOffsets() {
        return get(STARTING_OFFSETS);
    }

    public Delivery delivery() {
        return get(DELIVERY);
    }

    public String transactionalIdPrefix() {
        return get(TRANSACTIONAL_ID_PREFIX);
    }

    public boolean createTopics() {
        return get(CREATE_TOPICS);
    }

    public Duration outOfOrderness() {
        return get(OUT_OF_ORDERNESS);
    }

    public Duration idleTimeout() {
        return get(IDLE_TIMEOUT);
    }

    public Duration futureSkew() {
        return get(FUTURE_SKEW);
    }

    public int maxEventBytes() {
        return get(MAX_EVENT_BYTES);
    }

    /** Where Elasticsearch output goes; empty if nowhere. */
    public Optional<ElasticsearchOptions> elasticsearch() {
        if (!given(ELASTICSEARCH)) {
            return Optional.empty();
        }
        return Optional.of(
                new ElasticsearchOptions(
                        List.of(get(ELASTICSEARCH).split(",")),
                        elasticsearchApiKey,
                        givenOptions.getOptional(ELASTICSEARCH_USER).orElse(null),
                        elasticsearchPassword,
                        elasticsearchCaCertificate,
                        get(ELASTICSEARCH_TIMEOUT),
                        ElasticsearchOptions.DEFAULT_MAX_ACTIONS,
                        ElasticsearchOptions.DEFAULT_FLUSH_INTERVAL,
                        ElasticsearchOptions.DEFAULT_INITIAL_BACKOFF,
                        ElasticsearchOptions.DEFAULT_MAX_BACKOFF));
    }

    /**
     * The given options that {@code job} reads, as its jar's main takes them ({@code flink run …
     * ARGS}, a REST {@code /jars/{id}/run}): detection's without Elasticsearch, which its main
     * refuses; the indexer's from {@link LiveJobOptions#indexer()}.
     */
    public List<String> arguments(Job job) {
        List<OptionDefinition<?>> read =
                switch (job) {
                    case INDEXER -> LiveJobOptions.indexer();
                    case NOTIFIER -> LiveJobOptions.notifier();
                    case REVIEW -> LiveJobOptions.review();
                    case DETECTION ->
                            LiveJobOptions.all().stream()
                                    .filter(d -> !d.name().startsWith("elasticsearch"))
                                    .filter(d -> !d.name().startsWith("notif"))
                                    .toList();
                };
        List<String> arguments = new ArrayList<>();
        for (OptionDefinition<?> definition : read) {
            givenOptions
                    .getOptional(definition.option())
                    .ifPresent(
                            value -> {
                                arguments.add("--" + definition.name());
                                arguments.add(LiveJobOptions.format(value));
                            });
        }
        return arguments;
    }

    /** Every option as given or by default, as a person reads them; secrets are never shown. */
    @Override
    public String toString() {
        List<String> shown = new ArrayList<>();
        for (OptionDefinition<?> definition : LiveJobOptions.all()) {
            Object value = givenOptions.get(definition.option());
            if (value != null) {
                shown.add(definition.name() + "=" + LiveJobOptions.format(value));
            }
        }
        if (!kafkaProperties.isEmpty()) {
            shown.add("kafka-property-keys=" + kafkaProperties.keySet());
        }
        return String.join(" ", shown);
    }

    /**
     * Parses {@code --name value} or {@code --name=value} pairs ({@code --create-topics} alone
     * means true), as the shaded jar's main receives them.
     *
     * @throws IllegalArgumentException listing every bad option with how to fix it
     */
    public static JobOptions parse(String[] args) {
        return parse(args, Job.DETECTION);
    }

    /** {@link #parse(String[])} for {@code job}. */
    public static JobOptions parse(String[] args, Job job) {
        Map<String, String> given = new LinkedHashMap<>();
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
            given.put(name, value);
        }
        return parse(given, errors, job);
    }

    /**
     * The options from their command-line texts by name, as {@code slawatch run} collects them.
     *
     * @throws IllegalArgumentException listing every bad option with how to fix it
     */
    public static JobOptions parse(Map<String, String> given) {
        return parse(given, Job.DETECTION);
    }

    /** {@link #parse(Map)} for {@code job}. */
    public static JobOptions parse(Map<String, String> given, Job job) {
        return parse(given, new ArrayList<>(), job);
    }

    private static JobOptions parse(Map<String, String> texts, List<String> errors, Job job) {
        Configuration given = new Configuration();
        texts.forEach(
                (name, text) ->
                        LiveJobOptions.named(name)
                                .ifPresentOrElse(
                                        definition -> definition.parseInto(text, given, errors),
                                        () ->
                                                errors.add(
                                                        "unknown option --"
                                                                + name
                                                                + "; options: --"
                                                                + String.join(
                                                                        ", --",
                                                                        LiveJobOptions.all()
                                                                                .stream()
                                                                                .map(
                                                                                        OptionDefinition
                                                                                                ::name)
                                                                                .sorted()
                                                                                .toList()))));
        return of(given, errors, job);
    }

    /**
     * The options from typed values, for callers that build them in code.
     *
     * @throws IllegalArgumentException listing every bad option with how to fix it
     */
    public static JobOptions of(Configuration given) {
        return of(given, Job.DETECTION);
    }

    /** {@link #of(Configuration)} for {@code job}. */
    public static JobOptions of(Configuration given, Job job) {
        return of(given, new ArrayList<>(), job);
    }

    private static JobOptions of(Configuration given, List<String> errors, Job job) {
        for (OptionDefinition<?> definition : LiveJobOptions.all()) {
            if (job.requires(definition) && !given.contains(definition.option())) {
                errors.add(
                        "--"
                                + definition.name()
                                + " is required, e.g. --"
                                + definition.name()
                                + " "
                                + (definition.option() == POLICY
                                        ? "deploy/policies/default.yaml"
                                        : definition.option() == ELASTICSEARCH
                                                ? "http://localhost:9200"
                                                : definition.option() == NOTIFY
                                                        ? "deploy/notify/notify.yaml"
                                                        : "localhost:9092"));
            }
        }
        given.getOptional(POLICY)
                .filter(policy -> !Files.isReadable(Path.of(policy)))
                .ifPresent(policy -> errors.add("--policy " + policy + ": no such readable file"));
        given.getOptional(NOTIFY)
                .filter(notify -> !Files.isReadable(Path.of(notify)))
                .ifPresent(notify -> errors.add("--notify " + notify + ": no such readable file"));
        Map<String, String> kafkaProperties =
                given.getOptional(KAFKA_PROPERTIES)
                        .map(
                                file ->
                                        read(
                                                KAFKA_PROPERTIES,
                                                file,
                                                JobOptions::loadKafkaProperties,
                                                errors))
                        .orElse(Map.of());
        positive(errors, given, OUT_OF_ORDERNESS, true);
        positive(errors, given, IDLE_TIMEOUT, false);
        positive(errors, given, FUTURE_SKEW, true);
        positive(errors, given, CHECKPOINT_INTERVAL, false);
        positive(errors, given, RESTART_DELAY, true);
        atLeast(errors, given, MAX_EVENT_BYTES, 1);
        atLeast(errors, given, RESTART_ATTEMPTS, 0);
        given.getOptional(PARALLELISM).ifPresent(p -> atLeast(errors, given, PARALLELISM, 1));
        for (ConfigOption<String> topic : LiveJobOptions.TOPICS) {
            String name = given.get(topic);
            if (!name.matches("[a-zA-Z0-9._-]{1,249}")) {
                errors.add(
                        "'" + name + "' is not a valid Kafka topic name (letters, digits, . _ -)");
            }
        }
        Secrets secrets = elasticsearchSecrets(given, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("bad options:\n  " + String.join("\n  ", errors));
        }
        return new JobOptions(
                given, kafkaProperties, secrets.apiKey, secrets.password, secrets.caCertificate);
    }

    /**
     * How to reach Elasticsearch alone, validated, for commands that need nothing else.
     *
     * @throws IllegalArgumentException listing every bad option with how to fix it
     */
    public static ElasticsearchOptions elasticsearchOnly(Map<String, String> texts) {
        List<String> errors = new ArrayList<>();
        Configuration given = new Configuration();
        texts.forEach(
                (name, text) ->
                        LiveJobOptions.named(name)
                                .ifPresent(
                                        definition -> definition.parseInto(text, given, errors)));
        if (!given.contains(ELASTICSEARCH)) {
            errors.add("--elasticsearch is required, e.g. --elasticsearch http://localhost:9200");
        }
        Secrets secrets = elasticsearchSecrets(given, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("bad options:\n  " + String.join("\n  ", errors));
        }
        return new JobOptions(
                        given, Map.of(), secrets.apiKey, secrets.password, secrets.caCertificate)
                .elasticsearch()
                .orElseThrow();
    }

    private record Secrets(String apiKey, String password, String caCertificate) {}

    private static Secrets elasticsearchSecrets(Configuration given, List<String> errors) {
        positive(errors, given, ELASTICSEARCH_TIMEOUT, false);
        given.getOptional(ELASTICSEARCH).stream()
                .flatMap(urls -> List.of(urls.split(",")).stream())
                .filter(url -> !url.matches("https?://[^/\\s]+/?"))
                .forEach(
                        url ->
                                errors.add(
                                        "--elasticsearch '"
                                                + url
                                                + "' is not a URL such as http://localhost:9200"));
        String apiKey =
                given.getOptional(ELASTICSEARCH_API_KEY_FILE)
                        .map(
                                file ->
                                        read(
                                                ELASTICSEARCH_API_KEY_FILE,
                                                file,
                                                JobOptions::readSecret,
                                                errors))
                        .orElse(null);
        String caCertificate =
                given.getOptional(ELASTICSEARCH_CA_FILE)
                        .map(
                                file ->
                                        read(
                                                ELASTICSEARCH_CA_FILE,
                                                file,
                                                path ->
                                                        Files.readString(
                                                                path, StandardCharsets.US_ASCII),
                                                errors))
                        .orElse(null);
        if (caCertificate != null && !caCertificate.contains("-----BEGIN CERTIFICATE-----")) {
            errors.add(
                    "--elasticsearch-ca-file is not a PEM certificate; give the CA file"
                            + " (e.g. http_ca.crt), which starts with -----BEGIN CERTIFICATE-----");
        }
        String password = null;
        if (given.contains(ELASTICSEARCH_USER)) {
            password = System.getenv(ELASTICSEARCH_PASSWORD_ENV);
            if (password == null) {
                errors.add(
                        "--elasticsearch-user needs the password in the environment variable "
                                + ELASTICSEARCH_PASSWORD_ENV);
            }
        }
        return new Secrets(apiKey, password, caCertificate);
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

    private static void positive(
            List<String> errors,
            Configuration given,
            ConfigOption<Duration> option,
            boolean zeroAllowed) {
        Duration value = given.get(option);
        if (value.isNegative() || (!zeroAllowed && value.isZero())) {
            errors.add(
                    "--"
                            + option.key()
                            + " must be "
                            + (zeroAllowed ? "zero or more" : "positive")
                            + ", not "
                            + value);
        }
    }

    private static void atLeast(
            List<String> errors, Configuration given, ConfigOption<Integer> option, int least) {
        int value = given.get(option);
        if (value < least) {
            errors.add("--" + option.key() + " must be at least " + least + ", not " + value);
        }
    }

    /**
     * What {@code read} makes of the file named by {@code option}; null and an error if it fails.
     */
    private static <T> T read(
            ConfigOption<String> option, String file, FileContent<T> read, List<String> errors) {
        try {
            return read.from(Path.of(file));
        } catch (IOException e) {
            errors.add(
                    "--"
                            + option.key()
                            + " "
                            + file
                            + ": cannot read ("
                            + e.getClass().getSimpleName()
                            + ")");
            return null;
        }
    }

    /** Reads what an option's file holds. */
    @FunctionalInterface
    private interface FileContent<T> {
        T from(Path file) throws IOException;
    }
}

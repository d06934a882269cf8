package io.slawatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.JobClients;
import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.LiveJobOptions;
import io.slawatch.LocalCluster;
import io.slawatch.NotifierJob;
import io.slawatch.embedded.EmbeddedAlertmanager;
import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Priority;
import io.slawatch.model.TicketAttributes;
import io.slawatch.notify.NotifyConfigLoader;
import io.slawatch.notify.ReceiverSink;
import io.slawatch.serde.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The notifier against a real Alertmanager: alerts produced at a steady rate onto the alerts topic,
 * and the notifier's own measure of each delivery, from the alert's Kafka timestamp to
 * Alertmanager's 2xx.
 */
final class NotifierBenchmarks {

    /** How often the MiniCluster's REST API refreshes the metrics the bench reads. */
    static final Duration METRICS_INTERVAL = Duration.ofSeconds(1);

    private final String bootstrapServers;
    private final Path work;
    private final Consumer<Figure> report;

    NotifierBenchmarks(String bootstrapServers, Path work, Consumer<Figure> report) {
        this.bootstrapServers = bootstrapServers;
        this.work = work;
        this.report = report;
    }

    /** {@code alertsPerSecond} BREACHED alerts of distinct tickets for {@code length}. */
    void deliveryLatency(int alertsPerSecond, Duration length) throws Exception {
        try (EmbeddedAlertmanager alertmanager =
                EmbeddedAlertmanager.start(Duration.ofMinutes(5))) {
            Path notify = work.resolve("bench-notify.yaml");
            Files.writeString(
                    notify,
                    """
                    receivers:
                      - {name: ops, type: alertmanager, url: "%s"}
                    routes:
                      - receiver: ops
                    """
                            .formatted(alertmanager.url()));
            Configuration given = LiveJobOptions.namespaced("bench-notify.");
            given.set(LiveJobOptions.BOOTSTRAP_SERVERS, bootstrapServers);
            given.set(LiveJobOptions.NOTIFY, notify.toString());
            given.set(LiveJobOptions.CREATE_TOPICS, true);
            given.set(LiveJobOptions.STARTING_OFFSETS, LiveJobOptions.StartingOffsets.LATEST);
            JobOptions options = JobOptions.of(given, JobOptions.Job.NOTIFIER);
            LiveJob.prepare(options);
            Configuration config = LiveJob.configuration(options);
            config.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, METRICS_INTERVAL);
            long sent = 0;
            try (LocalCluster cluster = LocalCluster.start(config, 1);
                    KafkaProducer<byte[], byte[]> producer =
                            new KafkaProducer<>(
                                    Map.of(
                                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                            bootstrapServers,
                                            ProducerConfig.LINGER_MS_CONFIG,
                                            "1"),
                                    new ByteArraySerializer(),
                                    new ByteArraySerializer())) {
                StreamExecutionEnvironment env = cluster.environment(config);
                NotifierJob.build(env, options, NotifyConfigLoader.load(notify));
                JobClient notifier = env.executeAsync("bench notifier");
                JobClients.awaitRunning(notifier);
                long begin = System.currentTimeMillis();
                long end = begin + length.toMillis();
                while (System.currentTimeMillis() < end) {
                    long due = (System.currentTimeMillis() - begin) * alertsPerSecond / 1000;
                    for (; sent < due; sent++) {
                        Alert alert = breach("N-" + sent, Instant.now());
                        producer.send(
                                new ProducerRecord<>(
                                        options.alertsTopic(),
                                        alert.ticketId().getBytes(StandardCharsets.UTF_8),
                                        Json.bytes(alert)));
                    }
                    producer.flush();
                    Thread.sleep(2); // pacing the load
                }
                Map<String, Double> metrics =
                        deliveryMetrics(cluster.restAddress(), notifier, sent);
                notifier.cancel().get(1, TimeUnit.MINUTES);
                report.accept(
                        new Figure(
                                String.format(
                                        Locale.ROOT,
                                        "alert delivery to Alertmanager, under %,d alerts/s",
                                        alertsPerSecond),
                                String.format(
                                        Locale.ROOT,
                                        "p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                                        metrics.get("p50"),
                                        metrics.get("p99"),
                                        metrics.get("max")),
                                String.format(
                                        Locale.ROOT,
                                        "%,d BREACHED alerts of distinct tickets over %s; the"
                                                + " notifier's own measure, Kafka timestamp to"
                                                + " Alertmanager's 2xx, over its last %,d"
                                                + " deliveries; %,.0f delivered; Debian's"
                                                + " Alertmanager on the same machine",
                                        sent,
                                        length,
                                        ReceiverSink.LATENCY_WINDOW,
                                        metrics.get("delivered"))));
            }
        }
    }

    /**
     * The sink's latency percentiles and delivered count from the cluster's REST API, once every
     * alert sent was delivered (two minutes at most).
     */
    private static Map<String, Double> deliveryMetrics(URI rest, JobClient job, long sent)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = rest.toString().replaceAll("/$", "") + "/jobs/" + job.getJobID();
        JsonNode vertices = get(http, base).path("vertices");
        String sink = null;
        for (JsonNode vertex : vertices) {
            if (vertex.path("name").asText().contains("deliveries to receivers")) {
                sink = vertex.path("id").asText();
            }
        }
        String metrics = base + "/vertices/" + sink + "/subtasks/metrics";
        Map<String, String> names = new TreeMap<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Map<String, Double> values = new TreeMap<>();
        while (System.nanoTime() < deadline) {
            for (JsonNode metric : get(http, metrics)) {
                String id = metric.path("id").asText();
                for (String suffix :
                        new String[] {
                            "latencyMillis_median",
                            "latencyMillis_p99",
                            "latencyMillis_max",
                            "delivered"
                        }) {
                    if (id.endsWith("receiver.ops." + suffix)) {
                        names.put(id, suffix);
                    }
                }
            }
            if (names.size() == 4) {
                for (JsonNode metric :
                        get(http, metrics + "?agg=max&get=" + String.join(",", names.keySet()))) {
                    String suffix = names.get(metric.path("id").asText());
                    values.put(
                            switch (suffix) {
                                case "latencyMillis_median" -> "p50";
                                case "latencyMillis_p99" -> "p99";
                                case "latencyMillis_max" -> "max";
                                default -> "delivered";
                            },
                            metric.path("max").asDouble());
                }
                if (values.getOrDefault("delivered", 0.0) >= sent) {
                    return values;
                }
            }
            Thread.sleep(METRICS_INTERVAL.toMillis());
        }
        throw new IllegalStateException(
                "the notifier did not report "
                        + sent
                        + " deliveries within two minutes: "
                        + values);
    }

    private static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    static Alert breach(String ticket, Instant at) {
        return new Alert(
                Alert.alertId(ticket, ClockType.RESPONSE, 1, AlertKind.BREACHED, 1),
                ticket,
                ClockType.RESPONSE,
                AlertKind.BREACHED,
                1,
                1,
                at.minusSeconds(30),
                at,
                at,
                30,
                0L,
                null,
                null,
                null,
                null,
                null,
                new TicketAttributes(
                        Channel.PHONE, Priority.NORMAL, null, "a-1", null, null, null, null, null));
    }
}

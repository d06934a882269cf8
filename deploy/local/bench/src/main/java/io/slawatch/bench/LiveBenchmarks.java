package io.slawatch.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.slawatch.JobClients;
import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.LiveJobOptions;
import io.slawatch.LocalCluster;
import io.slawatch.detect.TicketSlaFunction;
import io.slawatch.embedded.EmbeddedElasticsearch;
import io.slawatch.embedded.EmbeddedKafka;
import io.slawatch.ingest.SeparateQuarantineFunction;
import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.serde.Json;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.time.WallClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The live job on the embedded Kafka and Elasticsearch: sustained throughput end to end, and the
 * wall time from a deadline to its BREACHED alert on the topic.
 */
final class LiveBenchmarks implements AutoCloseable {

    static final Pattern TICKET_ID = Pattern.compile("\"ticketId\":\"([^\"]+)\"");

    /** PHONE's response target in the default policy: a ticket nobody answers breaches then. */
    static final Duration PHONE_RESPONSE_TARGET = Duration.ofSeconds(30);

    /** How long the latency run waits, after its load ends, for alerts of a job behind it. */
    static final Duration CATCH_UP = Duration.ofMinutes(2);

    /** How often the job's progress (its {@code eventsRead} accumulator) reaches the bench. */
    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);

    private SlaPolicy policy;
    private Path policyFile;

    /** The last end-to-end run; only its events/s read are reported ({@link #consequencesCost}). */
    private DetectionRun lastRun;

    private final Consumer<Figure> report;
    private final Path root;
    private final EmbeddedKafka kafka;
    private final EmbeddedElasticsearch elasticsearch;
    private final ElasticsearchCounters elasticsearchCounters;
    private final IndexingBenchmarks indexing;
    private int runs;

    LiveBenchmarks(SlaPolicy policy, Path policyFile, Path root, Consumer<Figure> report)
            throws Exception {
        this.policy = policy;
        this.policyFile = policyFile;
        this.report = report;
        this.root = root;
        this.kafka = EmbeddedKafka.start();
        this.elasticsearch = EmbeddedElasticsearch.start(EmbeddedElasticsearch.distribution(root));
        this.elasticsearchCounters = new ElasticsearchCounters(elasticsearch.url());
        this.indexing = new IndexingBenchmarks(this, report);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    ElasticsearchCounters elasticsearchCounters() {
        return elasticsearchCounters;
    }

    IndexingBenchmarks indexing() {
        return indexing;
    }

    JobOptions options(boolean withElasticsearch) {
        runs++;
        Configuration given = LiveJobOptions.namespaced("bench-" + runs + ".");
        given.set(LiveJobOptions.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        given.set(LiveJobOptions.POLICY, policyFile.toString());
        given.set(LiveJobOptions.CREATE_TOPICS, true);
        given.set(LiveJobOptions.STARTING_OFFSETS, LiveJobOptions.StartingOffsets.EARLIEST);
        if (withElasticsearch) {
            given.set(LiveJobOptions.ELASTICSEARCH, elasticsearch.url());
        }
        given.set(LiveJobOptions.PARALLELISM, 2);
        return JobOptions.of(given);
    }

    /**
     * The running jobs of one measurement: detection on a MiniCluster of its own, the indexer (if
     * any) in a process of its own.
     */
    record Running(LocalCluster cluster, JobClient detection, IndexerProcess indexer)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (indexer != null) {
                indexer.close();
            }
            detection.cancel().get(1, TimeUnit.MINUTES);
            cluster.close();
        }
    }

    /**
     * Detection, and with Elasticsearch in the options the indexer beside it, as in production: two
     * jobs, the indexer in a process of its own at a lower CPU priority ({@link IndexerProcess}).
     */
    Running start(JobOptions options) throws Exception {
        LiveJob.prepare(options);
        Configuration config = LiveJob.configuration(options);
        // Accumulators travel with heartbeats: the progress probe is as fine as their interval.
        config.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, PROGRESS_INTERVAL);
        int parallelism = options.get(LiveJobOptions.PARALLELISM);
        LocalCluster cluster = LocalCluster.start(config, 2 * parallelism);
        StreamExecutionEnvironment env = cluster.environment(config);
        LiveJob.build(env, options, policy, WallClock.SYSTEM);
        JobClient detection = env.executeAsync("bench live");
        JobClients.awaitRunning(detection);
        IndexerProcess indexer = null;
        if (options.elasticsearch().isPresent()) {
            try {
                indexer = IndexerProcess.start(options, root);
            } catch (Exception e) {
                detection.cancel().get(1, TimeUnit.MINUTES);
                cluster.close();
                throw e;
            }
        }
        return new Running(cluster, detection, indexer);
    }

    KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG, "5",
                        ProducerConfig.BATCH_SIZE_CONFIG, "262144"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private static long eventsRead(JobClient job) throws Exception {
        Object read = job.getAccumulators().get().get(SeparateQuarantineFunction.EVENTS_READ);
        return read instanceof Long count ? count : 0;
    }

    /**
     * The unreported run before the measured one with Elasticsearch, over the whole traffic: after
     * a warm-up of 100,000 records the JIT still compiled through the next full run, which read
     * 24,041 and 27,811 events/s in two tries, and the full runs after it 41,142 and 41,282. Its
     * indices are deleted after it, so the measured run writes new documents, as a live stream
     * does.
     */
    void warmUpEndToEnd(BenchEvents traffic) throws Exception {
        endToEnd(traffic, true, false);
        elasticsearchCounters.delete(ElasticsearchIndices.TEMPLATES);
    }

    /**
     * 3. The whole traffic produced as fast as possible while the job reads it; checkpoints on.
     * Reported only when {@code measure} is set.
     */
    JobOptions endToEnd(BenchEvents traffic, boolean withElasticsearch, boolean measure)
            throws Exception {
        JobOptions options = options(withElasticsearch);
        Map<String, Long> documentsBefore =
                withElasticsearch ? elasticsearchCounters.documentsIndexed() : Map.of();
        List<byte[]> records = traffic.records;
        try (Running running = start(options);
                KafkaProducer<byte[], byte[]> producer = producer()) {
            JobClient job = running.detection();
            DetectionRun.Mark first = DetectionRun.Mark.now();
            long started = first.nanos();
            for (byte[] record : records) {
                Matcher ticket = TICKET_ID.matcher(new String(record, StandardCharsets.UTF_8));
                byte[] key =
                        ticket.find() ? ticket.group(1).getBytes(StandardCharsets.UTF_8) : null;
                producer.send(new ProducerRecord<>(options.eventsTopic(), key, record));
            }
            producer.flush();
            double producing = (System.nanoTime() - started) / 1e9;
            long lagAtEnd = records.size() - eventsRead(job);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (eventsRead(job) < records.size() && System.nanoTime() < deadline) {
                Thread.sleep(PROGRESS_INTERVAL.toMillis() / 5);
            }
            DetectionRun.Mark last = DetectionRun.Mark.now();
            double seconds = (last.nanos() - started) / 1e9;
            long read = eventsRead(job);
            lastRun = DetectionRun.between(first, last, read);
            Object late = job.getAccumulators().get().get(TicketSlaFunction.LATE_EVENTS);
            if (!measure) {
                return options;
            }
            report.accept(
                    new Figure(
                            withElasticsearch
                                    ? "detection end to end, indexer beside it (Kafka → job →"
                                            + " Kafka)"
                                    : "end to end without Elasticsearch (Kafka → job → Kafka)",
                            Benchmarks.rate(read / seconds),
                            String.format(
                                    Locale.ROOT,
                                    "%,d records produced in %.1f s at full speed; %,d not yet"
                                            + " read when producing ended; read until %.1f s;"
                                            + " %s late events (behind the watermark);"
                                            + " parallelism 2, checkpoints every %s",
                                    records.size(),
                                    producing,
                                    lagAtEnd,
                                    seconds,
                                    late,
                                    options.get(LiveJobOptions.CHECKPOINT_INTERVAL))));
            if (withElasticsearch) {
                indexing.catchUp(documentsBefore, read, seconds);
            }
        }
        return options;
    }

    /**
     * Runs of Kafka → job → Kafka over the whole traffic that {@link #consequencesCost} alternates,
     * per policy: a single run of each swung from 39,000 to 68,000 events/s on the same code, as
     * the JIT went on compiling through the runs after a warm-up (14 s of compilation in a 19 s
     * run), and the run measured second always found more of it done.
     */
    static final int KAFKA_TO_KAFKA_RUNS = 3;

    /**
     * 3b. Kafka → job → Kafka under the policy with its consequences and without them, {@link
     * #KAFKA_TO_KAFKA_RUNS} runs of each in turn, so that neither profits from the other's warm-up;
     * the median of each. With them at least 90 % of the rate without them is the goal: what the
     * consequences cost in production. No CPU per event here: the JIT's share, which the in-memory
     * measure leaves out, is not known well enough while it waits for a core among the broker's.
     */
    void consequencesCost(BenchEvents traffic, Path work) throws Exception {
        SlaPolicy withPolicy = policy;
        Path withFile = policyFile;
        ObjectNode yaml = (ObjectNode) new YAMLMapper().readTree(withFile.toFile());
        yaml.remove("consequences");
        Path withoutFile = work.resolve("policy-without-consequences.yaml");
        new YAMLMapper().writeValue(withoutFile.toFile(), yaml);
        SlaPolicy withoutPolicy = PolicyLoader.load(withoutFile);
        DetectionRun[] with = new DetectionRun[KAFKA_TO_KAFKA_RUNS];
        DetectionRun[] without = new DetectionRun[KAFKA_TO_KAFKA_RUNS];
        try {
            for (int run = 0; run < KAFKA_TO_KAFKA_RUNS; run++) {
                endToEnd(traffic, false, false);
                with[run] = lastRun;
                policy = withoutPolicy;
                policyFile = withoutFile;
                endToEnd(traffic, false, false);
                without[run] = lastRun;
                policy = withPolicy;
                policyFile = withFile;
            }
        } finally {
            policy = withPolicy;
            policyFile = withFile;
        }
        DetectionRun withMedian = DetectionRun.median(with);
        DetectionRun withoutMedian = DetectionRun.median(without);
        report.accept(
                new Figure(
                        "end to end without Elasticsearch (Kafka → job → Kafka)",
                        Benchmarks.rate(withMedian.perSecond()),
                        String.format(
                                Locale.ROOT,
                                "%,d records produced at full speed while the job reads them;"
                                        + " %s; parallelism 2, checkpoints every %s",
                                traffic.records.size(),
                                DetectionRun.runs(with, 0),
                                LiveJobOptions.CHECKPOINT_INTERVAL.defaultValue())));
        report.accept(
                new Figure(
                        "end to end without Elasticsearch, consequences off",
                        Benchmarks.rate(withoutMedian.perSecond()),
                        String.format(
                                Locale.ROOT,
                                "with them (the row above) %.0f %% of this (goal ≥ 90 %%); %s,"
                                        + " in turn with those",
                                100 * withMedian.perSecond() / withoutMedian.perSecond(),
                                DetectionRun.runs(without, 0))));
    }

    /**
     * 4. Tickets nobody answers, one every {@code spacing}: the wall time from each deadline to its
     * BREACHED alert on the topic; under {@code backgroundPerSecond} other events a second; with
     * Elasticsearch stopped (SIGSTOP, not shut down) from the jobs' start to the run's end when
     * {@code elasticsearchFrozen}.
     */
    void latency(
            int tickets, Duration spacing, int backgroundPerSecond, boolean elasticsearchFrozen)
            throws Exception {
        JobOptions options = options(true);
        Running running = start(options);
        if (elasticsearchFrozen) {
            elasticsearch.freeze();
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Thread listener =
                new Thread(() -> listen(options, tickets, latencies), "bench-latency-alerts");
        listener.setDaemon(true);
        listener.start();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            long next = System.currentTimeMillis();
            long end =
                    next + spacing.toMillis() * tickets + PHONE_RESPONSE_TARGET.toMillis() + 10_000;
            int created = 0;
            long background = 0;
            long backgroundStart = System.currentTimeMillis();
            while (System.currentTimeMillis() < end && latencies.size() < tickets) {
                long now = System.currentTimeMillis();
                if (created < tickets && now >= next) {
                    send(producer, options, "L-" + created, "CREATED", Instant.ofEpochMilli(now));
                    created++;
                    next += spacing.toMillis();
                }
                long due = (now - backgroundStart) * backgroundPerSecond / 1000;
                for (; background < due; background += 2) {
                    Instant at = Instant.ofEpochMilli(now);
                    send(producer, options, "B-" + background, "CREATED", at);
                    send(producer, options, "B-" + background, "RESPONDED", at);
                }
                producer.flush();
                Thread.sleep(5);
            }
            // A job that fell behind its load alerts late, not never: the lateness is the figure.
            listener.join(CATCH_UP.toMillis());
        } finally {
            if (elasticsearchFrozen) {
                elasticsearch.thaw();
            }
            running.close();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        report.accept(
                new Figure(
                        "detection latency, "
                                + (backgroundPerSecond == 0
                                        ? "quiet stream"
                                        : String.format(
                                                Locale.ROOT,
                                                "under %,d events/s",
                                                backgroundPerSecond))
                                + (elasticsearchFrozen ? ", Elasticsearch frozen" : ""),
                        sorted.isEmpty()
                                ? "no alerts"
                                : String.format(
                                        Locale.ROOT,
                                        "p50 %.2f s, p99 %.2f s, max %.2f s",
                                        percentile(sorted, 50) / 1000.0,
                                        percentile(sorted, 99) / 1000.0,
                                        sorted.get(sorted.size() - 1) / 1000.0),
                        String.format(
                                Locale.ROOT,
                                "%d of %d unanswered PHONE tickets, deadline to BREACHED on the"
                                        + " alerts topic (wall clock); out-of-orderness %s, idle"
                                        + " timeout %s",
                                sorted.size(),
                                tickets,
                                options.outOfOrderness(),
                                options.idleTimeout())));
    }

    void send(
            KafkaProducer<byte[], byte[]> producer,
            JobOptions options,
            String ticketId,
            String type,
            Instant at) {
        String json =
                "{\"eventId\":\""
                        + ticketId
                        + "-"
                        + type
                        + "\",\"ticketId\":\""
                        + ticketId
                        + "\",\"type\":\""
                        + type
                        + "\",\"occurredAt\":\""
                        + at
                        + "\",\"channel\":\"PHONE\",\"priority\":\"NORMAL\",\"agentId\":\"a-1\"}";
        producer.send(
                new ProducerRecord<>(
                        options.eventsTopic(),
                        ticketId.getBytes(StandardCharsets.UTF_8),
                        json.getBytes(StandardCharsets.UTF_8)));
    }

    private void listen(JobOptions options, int tickets, List<Long> latencies) {
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "bench-latency-" + runs,
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            consumer.subscribe(List.of(options.alertsTopic()));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (latencies.size() < tickets && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long received = System.currentTimeMillis();
                    Alert alert = Json.mapper().readValue(record.value(), Alert.class);
                    if (alert.kind() == AlertKind.BREACHED && alert.ticketId().startsWith("L-")) {
                        latencies.add(received - alert.deadline().toEpochMilli());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** Ends Elasticsearch, so that what runs next has the machine's cores to itself. */
    void closeElasticsearch() throws IOException, InterruptedException {
        elasticsearch.close();
    }

    @Override
    public void close() throws Exception {
        try (kafka) {
            elasticsearch.close();
        }
    }
}

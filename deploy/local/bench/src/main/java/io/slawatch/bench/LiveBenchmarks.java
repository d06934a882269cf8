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
import io.slawatch.time.EventTime;
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
import java.util.stream.Stream;
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

    private final Consumer<Figure> report;
    private final Path root;
    private final EmbeddedKafka kafka;
    private final EmbeddedElasticsearch elasticsearch;
    private final ElasticsearchCounters elasticsearchCounters;
    private final IndexingBenchmarks indexing;
    private int runs;

    /**
     * The MiniCluster every detection job of these benchmarks runs on, one after the other, as a
     * session cluster runs for days. A cluster started for each run loaded Flink's RPC system
     * (Pekko, in a class loader of its own) anew, and the JIT compiled it again through the
     * measured runs: 5,347 methods of Pekko, its configuration library and Scala after the first
     * minute of a Kafka to Kafka measure, against 1,081 on one cluster.
     */
    private LocalCluster cluster;

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
     * The running jobs of one measurement: detection on the benchmarks' MiniCluster, the indexer
     * (if any) in a process of its own.
     */
    record Running(JobClient detection, IndexerProcess indexer) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (indexer != null) {
                indexer.close();
            }
            detection.cancel().get(1, TimeUnit.MINUTES);
        }
    }

    /**
     * Detection, and with Elasticsearch in the options the indexer beside it, as in production: two
     * jobs, the indexer in a process of its own at the lowest CPU priority ({@link
     * IndexerProcess}). The indexer starts first: its JVM takes 7–8 s to start on two cores, longer
     * when they are busy, and a detection job that waits longer than the startup grace ({@link
     * EventTime#DEFAULT_STARTUP_GRACE}) for its first event follows the wall clock, behind which
     * the whole traffic, dated from {@link BenchEvents#START}, would be late.
     */
    Running start(JobOptions options) throws Exception {
        LiveJob.prepare(options);
        IndexerProcess indexer =
                options.elasticsearch().isPresent() ? IndexerProcess.start(options, root) : null;
        try {
            Configuration config = LiveJob.configuration(options);
            StreamExecutionEnvironment env = cluster(config).environment(config);
            LiveJob.build(env, options, policy, WallClock.SYSTEM);
            JobClient detection = env.executeAsync("bench live");
            JobClients.awaitRunning(detection);
            return new Running(detection, indexer);
        } catch (Exception e) {
            if (indexer != null) {
                indexer.close();
            }
            throw e;
        }
    }

    /** Slots of {@link #cluster}: two jobs of parallelism 2, one ending while the next starts. */
    static final int SLOTS = 4;

    /** The MiniCluster all detection jobs run on, one after the other; started with the first. */
    private LocalCluster cluster(Configuration config) throws Exception {
        if (cluster == null) {
            Configuration clusterConfig = new Configuration(config);
            // Accumulators travel with heartbeats: the progress probe is as fine as their interval.
            clusterConfig.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, PROGRESS_INTERVAL);
            cluster = LocalCluster.start(clusterConfig, SLOTS);
        }
        return cluster;
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
     * Unreported runs of detection alone before {@link #warmUpEndToEnd}'s run with the indexer.
     * Detection's JIT goes on compiling for about two minutes of runs: alone, it read 14,530,
     * 32,807 and 40,421 events/s in three runs in a row, then (runs with the indexer between)
     * 51,695, 69,646 and 69,496; a job running for days has long settled.
     */
    static final int WARM_UP_RUNS_ALONE = 3;

    /**
     * The unreported runs before the measured ones, over the whole traffic: {@link
     * #WARM_UP_RUNS_ALONE} of detection alone, then one with Elasticsearch (after a warm-up of
     * 100,000 records the JIT still compiled through the next full run, which read 24,041 and
     * 27,811 events/s in two tries, and the full runs after it 41,142 and 41,282). Its indices are
     * deleted after it, so the measured run writes new documents, as a live stream does.
     */
    void warmUpEndToEnd(BenchEvents traffic) throws Exception {
        for (int run = 0; run < WARM_UP_RUNS_ALONE; run++) {
            endToEnd(traffic, false);
        }
        endToEnd(traffic, true);
        elasticsearchCounters.delete(ElasticsearchIndices.TEMPLATES);
    }

    /**
     * One run of Kafka → job → Kafka over the whole traffic: {@code events} read in {@code seconds}
     * from the first; with Elasticsearch, its documents indexed before the run, by index.
     */
    record EndToEnd(
            JobOptions options,
            DetectionRun run,
            long events,
            double seconds,
            long lateEvents,
            Map<String, Long> documentsBefore) {}

    /** What a run does once detection has read the whole traffic, while its jobs still run. */
    interface AfterDetection {
        void accept(EndToEnd run) throws Exception;
    }

    /**
     * 3. The whole traffic produced as fast as possible while the job reads it; checkpoints on.
     * With {@code withElasticsearch} the indexer runs beside detection.
     */
    EndToEnd endToEnd(BenchEvents traffic, boolean withElasticsearch) throws Exception {
        return endToEnd(traffic, withElasticsearch, run -> {});
    }

    private EndToEnd endToEnd(
            BenchEvents traffic, boolean withElasticsearch, AfterDetection afterDetection)
            throws Exception {
        JobOptions options = options(withElasticsearch);
        Map<String, Long> documentsBefore =
                withElasticsearch ? elasticsearchCounters.documentsIndexed() : Map.of();
        List<byte[]> records = traffic.records;
        try (Running running = start(options);
                KafkaProducer<byte[], byte[]> producer = producer()) {
            JobClient job = running.detection();
            DetectionRun.Mark first = DetectionRun.Mark.now();
            for (byte[] record : records) {
                Matcher ticket = TICKET_ID.matcher(new String(record, StandardCharsets.UTF_8));
                byte[] key =
                        ticket.find() ? ticket.group(1).getBytes(StandardCharsets.UTF_8) : null;
                producer.send(new ProducerRecord<>(options.eventsTopic(), key, record));
            }
            producer.flush();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (eventsRead(job) < records.size() && System.nanoTime() < deadline) {
                Thread.sleep(PROGRESS_INTERVAL.toMillis() / 5);
            }
            DetectionRun.Mark last = DetectionRun.Mark.now();
            long read = eventsRead(job);
            Object late = job.getAccumulators().get().get(TicketSlaFunction.LATE_EVENTS);
            EndToEnd run =
                    new EndToEnd(
                            options,
                            DetectionRun.between(first, last, read),
                            read,
                            (last.nanos() - first.nanos()) / 1e9,
                            late instanceof Long count ? count : 0,
                            documentsBefore);
            afterDetection.accept(run);
            return run;
        }
    }

    /**
     * Rounds of {@link #indexerBeside}: one run of each swung from 29,000 to 53,000 events/s within
     * an hour on the same code, as wide as what the indexer costs.
     */
    static final int INDEXER_BESIDE_ROUNDS = 3;

    /**
     * 3a. Detection with the indexer beside it, in turn with detection alone (Elasticsearch frozen
     * with SIGSTOP, so that it takes no core), {@link #INDEXER_BESIDE_ROUNDS} runs of each; the
     * median of each, and what the indexer costs detection in the same minutes. The indices a run
     * with the indexer filled are deleted after it, so that every such run writes new documents;
     * the last is followed until the indexer has caught up, for its figures. Returns that run's
     * options, whose topics the backlog measure reads.
     */
    JobOptions indexerBeside(BenchEvents traffic) throws Exception {
        EndToEnd[] beside = new EndToEnd[INDEXER_BESIDE_ROUNDS];
        DetectionRun[] alone = new DetectionRun[INDEXER_BESIDE_ROUNDS];
        for (int round = 0; round < INDEXER_BESIDE_ROUNDS; round++) {
            elasticsearch.freeze();
            try {
                alone[round] = endToEnd(traffic, false).run();
            } finally {
                elasticsearch.thaw();
            }
            int counted = round;
            boolean lastRound = round == INDEXER_BESIDE_ROUNDS - 1;
            endToEnd(
                    traffic,
                    true,
                    detected -> {
                        beside[counted] = detected;
                        if (lastRound) {
                            reportIndexerBeside(traffic, beside, alone);
                            indexing.catchUp(
                                    detected.documentsBefore(),
                                    detected.events(),
                                    detected.seconds());
                        }
                    });
            if (!lastRound) {
                elasticsearchCounters.delete(ElasticsearchIndices.TEMPLATES);
            }
        }
        return beside[INDEXER_BESIDE_ROUNDS - 1].options();
    }

    private void reportIndexerBeside(
            BenchEvents traffic, EndToEnd[] besideRuns, DetectionRun[] alone) {
        DetectionRun[] beside =
                Stream.of(besideRuns).map(EndToEnd::run).toArray(DetectionRun[]::new);
        long late = Stream.of(besideRuns).mapToLong(EndToEnd::lateEvents).sum();
        DetectionRun besideMedian = DetectionRun.median(beside);
        DetectionRun aloneMedian = DetectionRun.median(alone);
        report.accept(
                new Figure(
                        "detection end to end, indexer beside it (Kafka → job → Kafka)",
                        Benchmarks.rate(besideMedian.perSecond()),
                        String.format(
                                Locale.ROOT,
                                "%.0f %% of detection alone in runs alternating with these (%s,"
                                        + " %s, Elasticsearch frozen): %s with the indexer;"
                                        + " %,d records produced at full speed while the job"
                                        + " reads them; %d late events (behind the watermark)"
                                        + " in all; parallelism 2, checkpoints every %s",
                                100 * besideMedian.perSecond() / aloneMedian.perSecond(),
                                Benchmarks.rate(aloneMedian.perSecond()),
                                DetectionRun.runs(alone, 0),
                                DetectionRun.runs(beside, 0),
                                traffic.records.size(),
                                late,
                                LiveJobOptions.CHECKPOINT_INTERVAL.defaultValue())));
    }

    /**
     * Runs of Kafka → job → Kafka over the whole traffic per measure: a single run of each swung
     * from 39,000 to 68,000 events/s on the same code, as the JIT went on compiling through the
     * runs after a warm-up (14 s of compilation in a 19 s run), and the run measured second always
     * found more of it done. With three pairs, two runs of the measure in a row put consequences at
     * 72 % and 95 %.
     */
    static final int KAFKA_TO_KAFKA_RUNS = 5;

    /**
     * 3b. Kafka → job → Kafka without Elasticsearch, after an unreported run: with the policy's
     * consequences and, when it has them, without them, {@link #KAFKA_TO_KAFKA_RUNS} runs of each
     * in turn, so that neither profits from the other's warm-up; the median of each, and the median
     * of each pair's share. With them at least 90 % of the rate without them is the goal: what the
     * consequences cost in production. No CPU per event here: the JIT's share, which the in-memory
     * measure leaves out, is not known well enough while it waits for a core among the broker's.
     */
    void kafkaToKafka(BenchEvents traffic, Path work) throws Exception {
        endToEnd(traffic, false);
        SlaPolicy withPolicy = policy;
        Path withFile = policyFile;
        boolean consequences = withPolicy.consequences() != null;
        Path withoutFile = work.resolve("policy-without-consequences.yaml");
        SlaPolicy withoutPolicy = null;
        if (consequences) {
            ObjectNode yaml = (ObjectNode) new YAMLMapper().readTree(withFile.toFile());
            yaml.remove("consequences");
            new YAMLMapper().writeValue(withoutFile.toFile(), yaml);
            withoutPolicy = PolicyLoader.load(withoutFile);
        }
        DetectionRun[] with = new DetectionRun[KAFKA_TO_KAFKA_RUNS];
        DetectionRun[] without = new DetectionRun[KAFKA_TO_KAFKA_RUNS];
        try {
            for (int run = 0; run < KAFKA_TO_KAFKA_RUNS; run++) {
                with[run] = endToEnd(traffic, false).run();
                if (consequences) {
                    policy = withoutPolicy;
                    policyFile = withoutFile;
                    without[run] = endToEnd(traffic, false).run();
                    policy = withPolicy;
                    policyFile = withFile;
                }
            }
        } finally {
            policy = withPolicy;
            policyFile = withFile;
        }
        DetectionRun withMedian = DetectionRun.median(with);
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
        if (!consequences) {
            return;
        }
        DetectionRun withoutMedian = DetectionRun.median(without);
        double[] shares = DetectionRun.shares(with, without);
        report.accept(
                new Figure(
                        "end to end without Elasticsearch, consequences off",
                        Benchmarks.rate(withoutMedian.perSecond()),
                        String.format(
                                Locale.ROOT,
                                "with them (the row above) %.0f %% of this (goal ≥ 90 %%;"
                                        + " %s; the medians' ratio %.0f %%); %s, in turn with"
                                        + " those",
                                100 * Benchmarks.median(shares),
                                DetectionRun.describe(shares),
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
            try {
                if (cluster != null) {
                    cluster.close();
                }
            } finally {
                elasticsearch.close();
            }
        }
    }
}

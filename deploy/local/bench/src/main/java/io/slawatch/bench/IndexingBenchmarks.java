package io.slawatch.bench;

import io.slawatch.IndexerJob;
import io.slawatch.JobClients;
import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.LiveJobOptions;
import io.slawatch.LocalCluster;
import io.slawatch.index.IndexedTopic;
import io.slawatch.index.TopicDocument;
import io.slawatch.index.TopicDocumentDeserializer;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.sink.ElasticsearchOptions;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The indexer's side: how fast it empties a backlog against what Elasticsearch takes in plain bulks
 * of the same documents, and how far behind the events the dashboards are under load.
 */
final class IndexingBenchmarks {

    /** How long Elasticsearch's index operations must stay still for the indexer to be done. */
    static final Duration INDEXER_QUIET = Duration.ofSeconds(5);

    /** How often the freshness run asks Elasticsearch for its newest clock view. */
    static final Duration FRESHNESS_SAMPLING = Duration.ofMillis(500);

    /**
     * Freshness samples left out after the first fresh document: a cold JVM's jobs compile and take
     * their first checkpoints then, and lag seconds behind for it (a start, not the steady state
     * the goal is about).
     */
    static final Duration FRESHNESS_WARM_UP = Duration.ofSeconds(20);

    /** The indexer's parallelism in the live runs, and so the plain bulk's senders. */
    static final int SENDERS = 2;

    private final LiveBenchmarks live;
    private final ElasticsearchCounters elasticsearch;
    private final Consumer<Figure> report;

    IndexingBenchmarks(LiveBenchmarks live, Consumer<Figure> report) {
        this.live = live;
        this.elasticsearch = live.elasticsearchCounters();
        this.report = report;
    }

    /**
     * The indexer's side of an end-to-end run: from the start of the run until Elasticsearch's
     * index operations stop growing, documents a second, and documents per event by index.
     */
    void catchUp(Map<String, Long> before, long events, double detectionSeconds)
            throws IOException, InterruptedException {
        long started = System.nanoTime() - (long) (detectionSeconds * 1e9);
        ElasticsearchCounters.Growth growth = elasticsearch.awaitQuiet(before, INDEXER_QUIET);
        double seconds = (growth.lastGrowthNanos() - started) / 1e9;
        report.accept(
                new Figure(
                        "indexer (Kafka → Elasticsearch), same run",
                        Benchmarks.rate(growth.operations() / seconds)
                                .replace("events", "documents"),
                        String.format(
                                Locale.ROOT,
                                "%,d index operations in %.1f s from the run's start (caught up"
                                        + " %.1f s after detection); %s",
                                growth.operations(),
                                seconds,
                                seconds - detectionSeconds,
                                ElasticsearchCounters.documentsPerEvent(
                                        before, elasticsearch.documentsIndexed(), events))));
    }

    /**
     * The documents an end-to-end run left on its topics, indexed into empty indices: by plain bulk
     * requests and by the indexer alone over the whole backlog, unreported, to warm both JVMs; then
     * by the indexer and by plain bulk requests again, both in topic records a second.
     */
    void againstPlainBulk(JobOptions run) throws Exception {
        List<TopicDocument> documents = topicDocuments(run);
        // Unreported: Elasticsearch compiles its bulk path, and this JVM the indexer's graph (its
        // JIT took a sixth of the two cores through a cold indexer's run), before the runs that
        // count, as in a long-running deployment.
        elasticsearch.delete(ElasticsearchIndices.TEMPLATES);
        plainBulk(documents, ElasticsearchOptions.DEFAULT_MAX_ACTIONS);
        elasticsearch.delete(ElasticsearchIndices.TEMPLATES);
        indexBacklog(run, "-backlog-warm-up");
        elasticsearch.delete(ElasticsearchIndices.TEMPLATES);
        BacklogRun indexer = indexBacklog(run, "-backlog");
        double indexerSeconds = indexer.seconds();
        long operations = indexer.operations();
        elasticsearch.delete(ElasticsearchIndices.TEMPLATES);
        double plainSeconds = plainBulk(documents, ElasticsearchOptions.DEFAULT_MAX_ACTIONS);
        double indexerRate = documents.size() / indexerSeconds;
        double plainRate = documents.size() / plainSeconds;
        report.accept(
                new Figure(
                        "indexer over a backlog, against plain bulks",
                        String.format(
                                Locale.ROOT,
                                "%s, %.0f %% of plain bulks",
                                Benchmarks.rate(indexerRate).replace("events", "records"),
                                100 * indexerRate / plainRate),
                        String.format(
                                Locale.ROOT,
                                "the end-to-end run's %,d topic records (%s) into empty indices,"
                                        + " after an unreported run of each: the indexer alone (parallelism %d, bulks of up to %d)"
                                        + " in %.1f s, %,d index operations; the same records as"
                                        + " plain `_bulk` requests (%d senders, %d a request, one"
                                        + " request at a time each) in %.1f s, %s",
                                documents.size(),
                                byIndex(documents),
                                SENDERS,
                                ElasticsearchOptions.DEFAULT_MAX_ACTIONS,
                                indexerSeconds,
                                operations,
                                SENDERS,
                                ElasticsearchOptions.DEFAULT_MAX_ACTIONS,
                                plainSeconds,
                                Benchmarks.rate(plainRate).replace("events", "records"))));
    }

    private record BacklogRun(double seconds, long operations) {}

    /**
     * The indexer alone over every record on {@code run}'s topics, from the start with a consumer
     * group of its own ({@code groupSuffix}): seconds from the job running to its last index
     * operation, and how many it made.
     */
    private BacklogRun indexBacklog(JobOptions run, String groupSuffix) throws Exception {
        Configuration given = run.givenOptions();
        given.set(LiveJobOptions.INDEXER_GROUP_ID, run.indexerGroupId() + groupSuffix);
        JobOptions backlog = JobOptions.of(given);
        Configuration config = LiveJob.configuration(backlog);
        try (LocalCluster cluster = LocalCluster.start(config, SENDERS)) {
            StreamExecutionEnvironment env = cluster.environment(config);
            IndexerJob.build(env, backlog);
            JobClient indexer = env.executeAsync("bench indexer backlog");
            JobClients.awaitRunning(indexer);
            long started = System.nanoTime();
            ElasticsearchCounters.Growth growth =
                    elasticsearch.awaitQuiet(elasticsearch.documentsIndexed(), INDEXER_QUIET);
            indexer.cancel().get(1, TimeUnit.MINUTES);
            return new BacklogRun((growth.lastGrowthNanos() - started) / 1e9, growth.operations());
        }
    }

    /** Every record of the indexer's topics of {@code run}, as the indexer reads them. */
    private List<TopicDocument> topicDocuments(JobOptions run) {
        List<TopicDocument> documents = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                run.bootstrapServers(),
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed",
                                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                "10000"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            for (Map.Entry<String, IndexedTopic> topic :
                    Map.of(
                                    run.alertsTopic(), IndexedTopic.ALERTS,
                                    run.clocksTopic(), IndexedTopic.CLOCKS,
                                    run.statsTopic(), IndexedTopic.STATS,
                                    run.ledgerTopic(), IndexedTopic.LEDGER)
                            .entrySet()) {
                TopicDocumentDeserializer reader = new TopicDocumentDeserializer(topic.getValue());
                List<TopicPartition> partitions =
                        consumer.partitionsFor(topic.getKey()).stream()
                                .map(info -> new TopicPartition(info.topic(), info.partition()))
                                .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                        && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record :
                            consumer.poll(Duration.ofMillis(200))) {
                        // As the indexer reads it: a ledger record also sets a case's or an
                        // action's state.
                        reader.deserialize(
                                record,
                                new Collector<>() {
                                    @Override
                                    public void collect(TopicDocument document) {
                                        if (document.readable()) {
                                            documents.add(document);
                                        }
                                    }

                                    @Override
                                    public void close() {}
                                });
                    }
                }
            }
        }
        return documents;
    }

    private static String byIndex(List<TopicDocument> documents) {
        Map<String, Integer> counts = new TreeMap<>();
        documents.forEach(document -> counts.merge(document.index(), 1, Integer::sum));
        StringBuilder text = new StringBuilder();
        counts.forEach(
                (index, count) ->
                        text.append(text.isEmpty() ? "" : ", ")
                                .append(index.replace("slawatch-", ""))
                                .append(String.format(Locale.ROOT, " %,d", count)));
        return text.toString();
    }

    /**
     * Elasticsearch's own capacity on this machine: {@code documents} as plain {@code _bulk}
     * requests of {@code batch}, from {@link #SENDERS} threads, each waiting for its answer before
     * the next, as the indexer's subtasks do; the seconds it took.
     */
    private double plainBulk(List<TopicDocument> documents, int batch) throws Exception {
        List<List<String>> bodies = new ArrayList<>();
        for (int sender = 0; sender < SENDERS; sender++) {
            bodies.add(new ArrayList<>());
        }
        List<List<TopicDocument>> shares = new ArrayList<>();
        for (int sender = 0; sender < SENDERS; sender++) {
            shares.add(new ArrayList<>());
        }
        for (TopicDocument document : documents) {
            shares.get(Math.floorMod(document.id().hashCode(), SENDERS)).add(document);
        }
        for (int sender = 0; sender < SENDERS; sender++) {
            List<TopicDocument> share = shares.get(sender);
            for (int from = 0; from < share.size(); from += batch) {
                StringBuilder body = new StringBuilder();
                for (TopicDocument document :
                        share.subList(from, Math.min(from + batch, share.size()))) {
                    body.append("{\"index\":{\"_index\":\"")
                            .append(document.index())
                            .append("\",\"_id\":\"")
                            .append(document.id())
                            .append("\"}}\n")
                            .append(document.source())
                            .append('\n');
                }
                bodies.get(sender).add(body.toString());
            }
        }
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            long started = System.nanoTime();
            List<Future<?>> sending = new ArrayList<>();
            for (List<String> requests : bodies) {
                sending.add(
                        senders.submit(
                                () -> {
                                    for (String body : requests) {
                                        HttpResponse<String> response =
                                                elasticsearch.send(
                                                        "POST",
                                                        "/_bulk?filter_path=errors,items.*.error",
                                                        body,
                                                        "application/x-ndjson");
                                        if (response.statusCode() != 200
                                                || response.body().contains("\"errors\":true")) {
                                            throw new IOException(
                                                    "plain bulk refused: "
                                                            + response.body()
                                                                    .substring(
                                                                            0,
                                                                            Math.min(
                                                                                    500,
                                                                                    response.body()
                                                                                            .length())));
                                        }
                                    }
                                    return null;
                                }));
            }
            for (Future<?> sender : sending) {
                sender.get(10, TimeUnit.MINUTES);
            }
            return (System.nanoTime() - started) / 1e9;
        } finally {
            senders.shutdownNow();
        }
    }

    /**
     * Detection and the indexer under {@code eventsPerSecond} of tickets created and answered at
     * once, for {@code length}: wall clock minus the newest clock view's {@code updatedAt} that a
     * dashboard finds in Elasticsearch, sampled every {@link #FRESHNESS_SAMPLING}.
     */
    void freshness(int eventsPerSecond, Duration length) throws Exception {
        JobOptions options = live.options(true);
        List<Long> samples = new ArrayList<>();
        long warmUpWorst = 0;
        long started = System.currentTimeMillis();
        long firstFresh = -1;
        try (LiveBenchmarks.Running running = live.start(options);
                KafkaProducer<byte[], byte[]> producer = live.producer()) {
            long begin = System.currentTimeMillis();
            long end = begin + length.toMillis();
            long nextSample = begin;
            long sent = 0;
            while (System.currentTimeMillis() < end) {
                long now = System.currentTimeMillis();
                long due = (now - begin) * eventsPerSecond / 1000;
                for (; sent < due; sent += 2) {
                    Instant at = Instant.ofEpochMilli(now);
                    live.send(producer, options, "F-" + sent, "CREATED", at);
                    live.send(producer, options, "F-" + sent, "RESPONDED", at);
                }
                producer.flush();
                if (now >= nextSample) {
                    nextSample += FRESHNESS_SAMPLING.toMillis();
                    Long newest = elasticsearch.newest(ElasticsearchIndices.CLOCKS, "updatedAt");
                    long sampled = System.currentTimeMillis();
                    if (newest != null && newest >= begin) {
                        if (firstFresh < 0) {
                            firstFresh = sampled - started;
                        }
                        if (sampled - started - firstFresh < FRESHNESS_WARM_UP.toMillis()) {
                            warmUpWorst = Math.max(warmUpWorst, sampled - newest);
                        } else {
                            samples.add(sampled - newest);
                        }
                    }
                }
                Thread.sleep(5);
            }
        }
        Collections.sort(samples);
        report.accept(
                new Figure(
                        String.format(
                                Locale.ROOT,
                                "dashboard freshness, under %,d events/s",
                                eventsPerSecond),
                        samples.isEmpty()
                                ? "nothing indexed"
                                : String.format(
                                        Locale.ROOT,
                                        "p50 %.2f s, p99 %.2f s, max %.2f s",
                                        LiveBenchmarks.percentile(samples, 50) / 1000.0,
                                        LiveBenchmarks.percentile(samples, 99) / 1000.0,
                                        samples.get(samples.size() - 1) / 1000.0),
                        String.format(
                                Locale.ROOT,
                                "%d samples over %s, one every %d ms: wall clock minus the newest"
                                        + " `updatedAt` of slawatch-clocks (what the control"
                                        + " room's \"Dashboard data as of\" shows), after %s of"
                                        + " warm-up from the first fresh document (%.1f s after"
                                        + " both jobs were submitted; worst in the warm-up"
                                        + " %.2f s); indexer flush interval %s",
                                samples.size(),
                                length,
                                FRESHNESS_SAMPLING.toMillis(),
                                FRESHNESS_WARM_UP,
                                firstFresh / 1000.0,
                                warmUpWorst / 1000.0,
                                ElasticsearchOptions.DEFAULT_FLUSH_INTERVAL)));
    }
}

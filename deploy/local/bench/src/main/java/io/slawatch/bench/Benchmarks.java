package io.slawatch.bench;

import io.slawatch.LiveJobOptions;
import io.slawatch.SlaMonitorJob;
import io.slawatch.consequence.Consequences;
import io.slawatch.detect.TicketSlaFunction;
import io.slawatch.ingest.EventDecoder;
import io.slawatch.ingest.ReviewDecoder;
import io.slawatch.ingest.file.FileLinesSource;
import io.slawatch.model.Alert;
import io.slawatch.model.Channel;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import io.slawatch.model.RawEvent;
import io.slawatch.model.TicketEvent;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.replay.Replay;
import io.slawatch.serde.FlinkSerialization;
import io.slawatch.simulate.SimulatedFile;
import io.slawatch.time.EventTime;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/** The measurements of {@code slawatch bench}, each printing its figures as it goes. */
final class Benchmarks {

    /** A large operation's load, so that big files do not span years of simulated time. */
    static final double REPLAY_TICKETS_PER_HOUR = 20_000;

    private final SlaPolicy policy;
    private final boolean quick;
    private final Consumer<Figure> report;
    private final Path work;
    private double decodingPerSecond;

    Benchmarks(SlaPolicy policy, boolean quick, Path work, Consumer<Figure> report) {
        this.policy = policy;
        this.quick = quick;
        this.work = work;
        this.report = report;
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f events/s", perSecond);
    }

    /**
     * Rounds of the decoding ceiling: a single round swung from 149k to 338k events/s between runs
     * on a shared 2-core machine, which made the detection ratio meaningless; the median of several
     * does not.
     */
    static final int DECODING_ROUNDS = 5;

    /** 1. JSON bytes to validated events, one thread, after a warm-up: the median round. */
    void decodingCeiling(BenchEvents traffic) {
        EventDecoder decoder = BenchEvents.decoder();
        decodeAll(decoder, traffic); // warm-up
        double[] rounds = new double[DECODING_ROUNDS];
        for (int round = 0; round < DECODING_ROUNDS; round++) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(quick ? 400 : 2000);
            long decoded = 0;
            long started = System.nanoTime();
            while (System.nanoTime() < deadline) {
                decoded += decodeAll(decoder, traffic);
            }
            rounds[round] = decoded / (BenchEvents.since(started).toNanos() / 1e9);
        }
        decodingPerSecond = median(rounds);
        report.accept(
                new Figure(
                        "decoding ceiling (1 thread)",
                        rate(decodingPerSecond),
                        String.format(
                                Locale.ROOT,
                                "median of %d rounds (%,.0f to %,.0f); %d simulated records, JSON"
                                        + " bytes to validated events",
                                DECODING_ROUNDS,
                                Arrays.stream(rounds).min().orElseThrow(),
                                Arrays.stream(rounds).max().orElseThrow(),
                                traffic.records.size())));
    }

    /**
     * Runs of one detection measure, one after the other. The first {@link #SETTLING_RUNS} are not
     * counted: the JIT recompiles what the previous measure's job left it with (6.5 s of compiler
     * time in a 9 s run with consequences, JFR), and with consequences it still compiled 2.1 s in
     * the second run and about 1 s in each later one (against 0.5 s without), which a job running
     * for days never pays. The median of the {@link #DETECTION_RUNS} after them is reported.
     */
    static final int SETTLING_RUNS = 2;

    static final int DETECTION_RUNS = 3;

    private DetectionRun[] detectInARow(
            BenchEvents traffic,
            int parallelism,
            LiveJobOptions.StateBackend backend,
            boolean consequences)
            throws Exception {
        for (int run = 0; run < SETTLING_RUNS; run++) {
            detect(traffic, parallelism, backend, consequences);
        }
        DetectionRun[] runs = new DetectionRun[DETECTION_RUNS];
        for (int run = 0; run < DETECTION_RUNS; run++) {
            runs[run] = detect(traffic, parallelism, backend, consequences);
        }
        return runs;
    }

    /** The middle value; the mean of the two middle ones for an even count. */
    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static long decodeAll(EventDecoder decoder, BenchEvents traffic) {
        long ok = 0;
        long line = 0;
        for (byte[] record : traffic.records) {
            if (decoder.decode(new RawEvent("bench", RawEvent.FILE, ++line, record)).ok()) {
                ok++;
            }
        }
        return ok;
    }

    /**
     * 2. Events in memory → event time (a watermark every {@link EventCountWatermarks#EVERY}
     * events) → keyBy → TicketSlaFunction → discarding sink.
     */
    void detectionThroughput(
            BenchEvents traffic, int parallelism, LiveJobOptions.StateBackend backend)
            throws Exception {
        DetectionRun[] runs = detectInARow(traffic, parallelism, backend, false);
        DetectionRun measured = DetectionRun.median(runs);
        report.accept(
                new Figure(
                        "detection, parallelism " + parallelism + ", " + backend,
                        rate(measured.perSecond()),
                        String.format(
                                Locale.ROOT,
                                "%.0f %% of the decoding ceiling per core; %,d events, first event"
                                        + " read to the job's result, %s; %.1f µs of CPU per event; GC pauses %.0f"
                                        + " %% of the run",
                                100 * measured.perSecond() / parallelism / decodingPerSecond,
                                traffic.decoded.length,
                                DetectionRun.runs(runs, SETTLING_RUNS),
                                measured.cpuMicrosPerEvent(),
                                100 * measured.gcPauseShare())));
    }

    /**
     * 2b. The same with the policy's consequences after detection (cases, penalties, due dates; no
     * reviews, so the policy decides every case), against runs without them alternating with these
     * ({@link #SETTLING_RUNS} pairs, then {@link #DETECTION_RUNS} counted): this shared machine's
     * speed drifts by half within minutes (the decoding ceiling's rounds of one run ranged from
     * 257,000 to 991,000 events/s), so runs in a row compared its minutes, not the consequences.
     * What they cost the operators alone; their goal, at least 90 % of the rate without them, is
     * judged Kafka → Kafka ({@link LiveBenchmarks#kafkaToKafka}): here even an idle consequences
     * graph reads about 88 %.
     */
    void consequencesThroughput(
            BenchEvents traffic, int parallelism, LiveJobOptions.StateBackend backend)
            throws Exception {
        for (int run = 0; run < SETTLING_RUNS; run++) {
            detect(traffic, parallelism, backend, true);
            detect(traffic, parallelism, backend, false);
        }
        DetectionRun[] with = new DetectionRun[DETECTION_RUNS];
        DetectionRun[] without = new DetectionRun[DETECTION_RUNS];
        for (int run = 0; run < DETECTION_RUNS; run++) {
            with[run] = detect(traffic, parallelism, backend, true);
            without[run] = detect(traffic, parallelism, backend, false);
        }
        DetectionRun measured = DetectionRun.median(with);
        DetectionRun alone = DetectionRun.median(without);
        double[] shares = DetectionRun.shares(with, without);
        report.accept(
                new Figure(
                        "detection with consequences, parallelism " + parallelism + ", " + backend,
                        rate(measured.perSecond()),
                        String.format(
                                Locale.ROOT,
                                "%.0f %% of detection without them (%s; the medians' ratio"
                                        + " %.0f %%; the goal of 90 %% is judged Kafka → Kafka),"
                                        + " %s in runs alternating with these: %s with them, %s"
                                        + " without"
                                        + " them; ledger entries discarded; %.1f µs of CPU per"
                                        + " event against %.1f without: %.0f %% of detection's"
                                        + " throughput where the cores are the limit; GC pauses"
                                        + " %.0f %% of the run against %.0f %% without",
                                100 * median(shares),
                                DetectionRun.describe(shares),
                                100 * measured.perSecond() / alone.perSecond(),
                                rate(alone.perSecond()),
                                DetectionRun.runs(with, SETTLING_RUNS),
                                DetectionRun.runs(without, SETTLING_RUNS),
                                measured.cpuMicrosPerEvent(),
                                alone.cpuMicrosPerEvent(),
                                100 * alone.cpuMicrosPerEvent() / measured.cpuMicrosPerEvent(),
                                100 * measured.gcPauseShare(),
                                100 * alone.gcPauseShare())));
    }

    /**
     * A detection run whose figure is not reported: the JIT's warm-up, with the consequences when
     * the policy has them (cold, their compilation took half a core from the run measuring them).
     */
    void warmUp(BenchEvents traffic) throws Exception {
        detect(traffic, 2, LiveJobOptions.StateBackend.HASHMAP, policy.consequences() != null);
    }

    private DetectionRun detect(
            BenchEvents traffic,
            int parallelism,
            LiveJobOptions.StateBackend backend,
            boolean consequences)
            throws Exception {
        BenchEvents.events = traffic.decoded;
        Configuration config = FlinkSerialization.configure(new Configuration());
        config.set(StateBackendOptions.STATE_BACKEND, backend.name().toLowerCase(Locale.ROOT));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
        int count = traffic.decoded.length;
        SingleOutputStreamOperator<TicketEvent> events =
                env.fromSource(
                                new DataGeneratorSource<>(
                                        BenchEvents::read, count, SlaMonitorJob.EVENT_TYPE),
                                WatermarkStrategy.<TicketEvent>forGenerator(
                                                context -> new EventCountWatermarks())
                                        .withTimestampAssigner(
                                                (event, previous) ->
                                                        event.occurredAt().toEpochMilli()),
                                "events in memory")
                        .setParallelism(1);
        SingleOutputStreamOperator<Alert> alerts =
                SlaMonitorJob.ticketClocks(events, policy, List.of(), null);
        alerts.sinkTo(new DiscardingSink<>());
        if (consequences) {
            Consequences.Outputs ledger =
                    Consequences.build(
                            env,
                            alerts,
                            alerts.getSideOutput(TicketSlaFunction.OUTCOMES),
                            new FileLinesSource<>(List.of(), ReviewDecoder.withDefaults()),
                            1,
                            EventTime.reviewsReplay(EventTime.DEFAULT_OUT_OF_ORDERNESS),
                            policy,
                            null);
            // As the live job: each part's sink chained to the operator that issues it.
            for (Consequences.Part part : ledger.parts()) {
                part.entries().sinkTo(new DiscardingSink<>());
            }
            ledger.quarantine().sinkTo(new DiscardingSink<>());
        }
        DetectionRun.Mark.clear();
        env.execute("bench detection");
        return DetectionRun.since(DetectionRun.Mark.first(), count);
    }

    /** 5. Open tickets held by the SLA operator: savepoint size and heap per ticket. */
    void statePerOpenTicket(int tickets, LiveJobOptions.StateBackend backend) throws Exception {
        BenchEvents.events = new TicketEvent[0];
        long heapBefore = usedHeapAfterGc();
        TicketEvent[] created = new TicketEvent[tickets];
        Instant at = BenchEvents.START;
        for (int i = 0; i < tickets; i++) {
            created[i] =
                    new TicketEvent(
                            "O-" + i + "-e1",
                            "O-" + i,
                            EventType.CREATED,
                            at.plusMillis(i),
                            Channel.values()[i % 5],
                            Priority.values()[i % 4],
                            // As the simulator: a COMPLEX ticket runs the default policy's
                            // PERIODIC_UPDATE as well.
                            i % 4 == 0 ? Complexity.COMPLEX : Complexity.STANDARD,
                            i % 10 < 4,
                            "a-" + (i % 40),
                            null,
                            "team-" + (i % 4),
                            "region-" + (i % 5),
                            null,
                            null,
                            "c-" + i);
        }
        BenchEvents.events = created;
        OpenTickets.reset(tickets);
        Configuration config = FlinkSerialization.configure(new Configuration());
        config.set(StateBackendOptions.STATE_BACKEND, backend.name().toLowerCase(Locale.ROOT));
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                work.resolve("checkpoints").toUri().toString());
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(1, config);
        SingleOutputStreamOperator<TicketEvent> events =
                env.fromSource(
                        new DataGeneratorSource<>(
                                OpenTickets::next, Long.MAX_VALUE, SlaMonitorJob.EVENT_TYPE),
                        WatermarkStrategy.noWatermarks(),
                        "open tickets");
        SlaMonitorJob.ticketClocks(events, policy, List.of(), null).sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync("bench state");
        try {
            OpenTickets.awaitAllSent(Duration.ofMinutes(10));
            Path savepoints = Files.createDirectories(work.resolve("savepoints-" + backend));
            String savepoint =
                    job.triggerSavepoint(
                                    savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                            .get(10, TimeUnit.MINUTES);
            // The state owns what it took from the events, as a restored job's does: only the
            // first event, which the source repeats, stays held here.
            created = null;
            BenchEvents.events = new TicketEvent[] {BenchEvents.events[0]};
            long heapAfter = usedHeapAfterGc();
            long bytes = size(Path.of(URI.create(savepoint)));
            report.accept(
                    new Figure(
                            "state per open ticket, " + backend,
                            String.format(
                                    Locale.ROOT,
                                    "%d B savepoint, %d B heap",
                                    bytes / tickets,
                                    Math.max(0, heapAfter - heapBefore) / tickets),
                            String.format(
                                    Locale.ROOT,
                                    "%,d open tickets (created, nothing else; 40 %% on site, 25 %% COMPLEX):"
                                            + " %,d"
                                            + " bytes of savepoint",
                                    tickets,
                                    bytes)));
        } finally {
            job.cancel().get(1, TimeUnit.MINUTES);
        }
    }

    /** 6. {@code slawatch replay} over a simulated file of {@code records} records. */
    void replay(long records) throws Exception {
        Path file = work.resolve("replay-" + records + ".jsonl");
        SimulatedFile.write(policy, 1, BenchEvents.START, records, REPLAY_TICKETS_PER_HOUR, file);
        Replay.Result result =
                Replay.run(
                        new Replay.Options(
                                List.of(file),
                                policy,
                                work.resolve("alerts.jsonl"),
                                work.resolve("outcomes.jsonl"),
                                work.resolve("quarantine.jsonl"),
                                2,
                                EventTime.DEFAULT_OUT_OF_ORDERNESS),
                        progress -> {});
        double seconds = result.wallTime().toMillis() / 1000.0;
        report.accept(
                new Figure(
                        String.format(Locale.ROOT, "replay of %,d records", records),
                        rate(result.eventsRead() / seconds),
                        String.format(
                                Locale.ROOT,
                                "%.1f s wall including MiniCluster start and writing outputs,"
                                        + " parallelism 2",
                                seconds)));
        Files.delete(file);
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(
                            file -> {
                                try {
                                    return Files.size(file);
                                } catch (IOException e) {
                                    return 0;
                                }
                            })
                    .sum();
        }
    }
}

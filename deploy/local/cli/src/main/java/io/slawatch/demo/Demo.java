package io.slawatch.demo;

import io.slawatch.IndexerJob;
import io.slawatch.JobClients;
import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.LiveJobOptions;
import io.slawatch.LocalCluster;
import io.slawatch.NotifierJob;
import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.notify.NotifyConfig;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.serde.Json;
import io.slawatch.simulate.TicketSimulator;
import io.slawatch.time.EventTime;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The live demo on a Kafka (and optionally an Elasticsearch) it is given: creates the topics,
 * starts the live job on a local MiniCluster with its web UI, feeds it the simulator's traffic in
 * simulated time, prints each alert as it fires and a status line every second, and at the end a
 * summary. Simulated time runs {@code speed} times faster than real time and is the job's wall
 * clock, so deadlines pass as they would, only sooner.
 */
public final class Demo {

    /** How much simulated traffic is generated ahead, at a time. */
    static final Duration GENERATION_WINDOW = Duration.ofHours(1);

    static final Duration STATUS_INTERVAL = Duration.ofSeconds(1);

    /** Slots of the demo's MiniCluster: detection, the indexer and the notifier, one slot each. */
    static final int DEMO_SLOTS = 3;

    static final Duration PIPED_STATUS_INTERVAL = Duration.ofSeconds(10);
    static final Duration DRAIN = Duration.ofSeconds(3);
    static final DateTimeFormatter SIMULATED_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final Pattern TICKET_ID = Pattern.compile("\"ticketId\":\"([^\"]+)\"");

    /**
     * @param duration real time to run; null runs until {@code stop} is set
     * @param topicPrefix put before each topic name, so that demos can share a broker
     * @param receivers the notification file, whose receivers the notifier job delivers the alerts
     *     to; null runs no notifier
     */
    public record Settings(
            Path policyFile,
            SlaPolicy policy,
            double speed,
            Duration duration,
            long seed,
            double ticketsPerHour,
            int uiPort,
            String topicPrefix,
            NotifyConfig receivers) {}

    private final Settings settings;
    private final String bootstrapServers;
    private final String elasticsearchUrl;
    private final PrintWriter out;
    private final boolean terminal;
    private final AtomicBoolean stop;
    private final ZoneId zone = TicketSimulator.ZONE;

    private final AtomicLong produced = new AtomicLong();
    private final AtomicLong ticketsDelivered = new AtomicLong();
    private final Map<ClockType, Map<AlertKind, Long>> alerts = new TreeMap<>();
    private final Map<ClockType, long[]> outcomes = new TreeMap<>();
    private final Map<String, Long> quarantined = new TreeMap<>();
    private long simulatedTickets;

    /**
     * Every record the demo delivered, in delivery order, so that what was simulated can be
     * replayed afterwards; it is the one file a demo leaves behind, and the summary names it.
     */
    private final Path recording =
            Path.of(
                    System.getProperty("java.io.tmpdir"),
                    "slawatch-demo-" + UUID.randomUUID().toString().substring(0, 8) + ".jsonl");

    private String status = "";

    /** The terminal's width, as last read by the status loop. */
    private volatile int width = TerminalWidth.UNKNOWN;

    private final AtomicBoolean producing = new AtomicBoolean(true);
    private volatile boolean consuming = true;

    public Demo(
            Settings settings,
            String bootstrapServers,
            String elasticsearchUrl,
            PrintWriter out,
            boolean terminal,
            AtomicBoolean stop) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.elasticsearchUrl = elasticsearchUrl;
        this.out = out;
        this.terminal = terminal;
        this.stop = stop;
    }

    JobOptions options() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Configuration given = LiveJobOptions.namespaced(settings.topicPrefix());
        given.set(LiveJobOptions.BOOTSTRAP_SERVERS, bootstrapServers);
        given.set(LiveJobOptions.POLICY, settings.policyFile().toString());
        given.set(LiveJobOptions.CREATE_TOPICS, true);
        given.set(LiveJobOptions.STARTING_OFFSETS, LiveJobOptions.StartingOffsets.EARLIEST);
        given.set(LiveJobOptions.GROUP_ID, "slawatch-demo-" + run);
        given.set(LiveJobOptions.TRANSACTIONAL_ID_PREFIX, "slawatch-demo-" + run);
        if (elasticsearchUrl != null) {
            given.set(LiveJobOptions.ELASTICSEARCH, elasticsearchUrl);
        }
        if (settings.receivers() != null) {
            given.set(LiveJobOptions.NOTIFY, settings.receivers().file());
        }
        // Real-time delays (Kafka fetches, task start) are `speed` times longer in simulated time:
        // the out-of-orderness bound scales with it, so the job behaves as it would at real speed.
        // The idle timeout and the startup grace are measured in real time already.
        given.set(
                LiveJobOptions.OUT_OF_ORDERNESS,
                scaled(LiveJobOptions.OUT_OF_ORDERNESS.defaultValue()));
        return JobOptions.of(given);
    }

    Duration scaled(Duration realTime) {
        return Duration.ofMillis((long) (realTime.toMillis() * settings.speed()));
    }

    /** Runs until the duration has passed or {@code stop} is set, then prints the summary. */
    public void run() throws Exception {
        JobOptions options = options();
        LiveJob.prepare(options).forEach(line -> println("slawatch demo: " + line));
        long realDuration = settings.duration() == null ? 0 : settings.duration().toMillis();
        long simulatedStart =
                Instant.now().toEpochMilli() - (long) (realDuration * settings.speed());
        SimulatedClock clock = SimulatedClock.startingAt(simulatedStart, settings.speed());

        Configuration config = LiveJob.configuration(options);
        config.set(RestOptions.PORT, settings.uiPort());
        config.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, STATUS_INTERVAL);
        config.set(
                PipelineOptions.AUTO_WATERMARK_INTERVAL,
                Duration.ofMillis(
                        Math.max(
                                10,
                                (long)
                                        (EventTime.WATERMARK_INTERVAL.toMillis()
                                                / settings.speed()))));
        LocalCluster cluster = LocalCluster.start(config, DEMO_SLOTS);
        StreamExecutionEnvironment env = cluster.environment(config);
        LiveJob.build(env, options, settings.policy(), clock);
        JobClient job = env.executeAsync("slawatch demo");
        JobClients.awaitRunning(job);
        JobClient indexer = null;
        if (options.elasticsearch().isPresent()) {
            StreamExecutionEnvironment indexing = cluster.environment(config);
            IndexerJob.build(indexing, options);
            indexer = indexing.executeAsync("slawatch demo indexer");
            JobClients.awaitRunning(indexer);
        }
        JobClient notifier = null;
        if (settings.receivers() != null) {
            StreamExecutionEnvironment notifying = cluster.environment(config);
            NotifierJob.build(notifying, options, settings.receivers());
            notifier = notifying.executeAsync("slawatch demo notifier");
            JobClients.awaitRunning(notifier);
            println("slawatch demo: notifier job " + notifier.getJobID());
            println("slawatch demo: alerts go to " + settings.receivers().file());
        }
        println("slawatch demo: Flink web UI http://localhost:" + settings.uiPort());
        // One job a line: a line wider than an 80-column terminal would wrap.
        println("slawatch demo: detection job " + job.getJobID());
        if (indexer != null) {
            println("slawatch demo: indexer job " + indexer.getJobID());
        }

        Thread producer = new Thread(() -> produce(options, clock), "demo-simulator");
        Thread consumer = new Thread(() -> consume(options), "demo-alerts");
        producer.setDaemon(true);
        consumer.setDaemon(true);
        producer.start();
        consumer.start();

        try {
            showUntilStopped(clock, job, indexer, realDuration);
        } finally {
            producing.set(false);
            producer.join(TimeUnit.SECONDS.toMillis(10));
            Thread.sleep(DRAIN.toMillis()); // let the last alerts reach the terminal
            consuming = false;
            consumer.join(TimeUnit.SECONDS.toMillis(10));
            List<JobClient> jobs = new ArrayList<>();
            for (JobClient other : new JobClient[] {notifier, indexer}) {
                if (other != null) {
                    jobs.add(other);
                }
            }
            jobs.add(job);
            for (JobClient running : jobs) {
                if (!running.getJobStatus().get().isTerminalState()) {
                    running.cancel().get(1, TimeUnit.MINUTES);
                }
            }
            awaitTermination(job);
            cluster.close();
            awaitPortFree();
        }
        clearStatus();
        out.print(summary());
        out.flush();
    }

    /** The status line every second, until the duration has passed or {@code stop} is set. */
    private void showUntilStopped(
            SimulatedClock clock, JobClient job, JobClient indexer, long realDuration)
            throws InterruptedException {
        JobStatusProbe probe =
                new JobStatusProbe(
                        settings.uiPort(),
                        job.getJobID().toString(),
                        indexer == null ? null : indexer.getJobID().toString());
        long end =
                System.currentTimeMillis()
                        + (realDuration == 0 ? Long.MAX_VALUE / 2 : realDuration);
        long lastProduced = 0;
        long lastPrinted = 0;
        while (!stop.get() && System.currentTimeMillis() < end) {
            long now = System.currentTimeMillis();
            long count = produced.get();
            width = terminal ? TerminalWidth.read() : Integer.MAX_VALUE;
            updateStatus(clock, probe.read(), count - lastProduced, width);
            lastProduced = count;
            if (!terminal && now - lastPrinted >= PIPED_STATUS_INTERVAL.toMillis()) {
                println(status);
                lastPrinted = now;
            }
            Thread.sleep(Math.min(STATUS_INTERVAL.toMillis(), Math.max(1, end - now)));
        }
    }

    /** Waits until the cancelled job has ended. */
    private void awaitTermination(JobClient job) throws Exception {
        try {
            job.getJobExecutionResult().get(1, TimeUnit.MINUTES);
        } catch (ExecutionException cancelled) {
            // A cancelled job ends this way; its state was only this demo's.
        }
    }

    /** Waits until the closed MiniCluster has freed the web UI port. */
    private void awaitPortFree() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!portFree(settings.uiPort()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    public static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    /** Feeds the simulator's records to the events topic at their simulated delivery time. */
    private void produce(JobOptions options, SimulatedClock clock) {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.LINGER_MS_CONFIG,
                        "5");
        try (KafkaProducer<String, String> kafka =
                        new KafkaProducer<>(
                                config, new StringSerializer(), new StringSerializer());
                BufferedWriter recorded =
                        Files.newBufferedWriter(recording, StandardCharsets.UTF_8)) {
            PriorityQueue<TicketSimulator.Delivery> due =
                    new PriorityQueue<>(
                            Comparator.comparingLong(TicketSimulator.Delivery::deliverAt));
            // Traffic starts now, with the job running: nothing waits in a backlog.
            Instant generated = Instant.ofEpochMilli(clock.millis());
            int nextNumber = 1;
            long window = 0;
            while (producing.get()) {
                if (generated.toEpochMilli() < clock.millis() + GENERATION_WINDOW.toMillis()) {
                    Instant until = generated.plus(GENERATION_WINDOW);
                    TicketSimulator.Simulation simulation =
                            TicketSimulator.between(
                                    settings.policy(),
                                    settings.seed() + window++,
                                    generated,
                                    until,
                                    settings.ticketsPerHour(),
                                    nextNumber);
                    nextNumber += (int) simulation.stats().tickets();
                    synchronized (this) {
                        simulatedTickets += simulation.stats().tickets();
                    }
                    due.addAll(simulation.deliveries());
                    generated = until;
                }
                TicketSimulator.Delivery next = due.peek();
                long wait = next == null ? 100 : clock.realMillisUntil(next.deliverAt());
                if (wait > 0) {
                    Thread.sleep(Math.min(wait, 100));
                    continue;
                }
                due.poll();
                Matcher ticket = TICKET_ID.matcher(next.line());
                String key = ticket.find() ? ticket.group(1) : null;
                kafka.send(new ProducerRecord<>(options.eventsTopic(), key, next.line()));
                recorded.write(next.line());
                recorded.newLine();
                produced.incrementAndGet();
                if (next.line().contains("\"type\":\"CREATED\"")) {
                    ticketsDelivered.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            println("slawatch demo: cannot record the delivered events: " + e.getMessage());
        }
    }

    /** Prints each alert as it arrives; counts alerts, outcomes and quarantined records. */
    private void consume(JobOptions options) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "slawatch-demo-terminal-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest");
        try (KafkaConsumer<String, String> kafka =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            kafka.subscribe(
                    List.of(
                            options.alertsTopic(),
                            options.outcomesTopic(),
                            options.quarantineTopic()));
            while (consuming) {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
                    String topic = record.topic();
                    if (topic.equals(options.alertsTopic())) {
                        Alert alert = Json.mapper().readValue(record.value(), Alert.class);
                        synchronized (this) {
                            alerts.computeIfAbsent(
                                            alert.clock(), c -> new EnumMap<>(AlertKind.class))
                                    .merge(alert.kind(), 1L, Long::sum);
                        }
                        println(
                                AlertLine.format(
                                        alert,
                                        zone,
                                        terminal,
                                        terminal ? width : Integer.MAX_VALUE));
                    } else if (topic.equals(options.outcomesTopic())) {
                        ClockOutcome outcome =
                                Json.mapper().readValue(record.value(), ClockOutcome.class);
                        synchronized (this) {
                            long[] counts =
                                    outcomes.computeIfAbsent(outcome.clock(), c -> new long[3]);
                            switch (outcome.status()) {
                                case MET -> counts[0]++;
                                case MET_LATE -> counts[1]++;
                                default -> counts[2]++;
                            }
                        }
                    } else {
                        QuarantineRecord quarantine =
                                Json.mapper().readValue(record.value(), QuarantineRecord.class);
                        synchronized (this) {
                            quarantined.merge(quarantine.reason().name(), 1L, Long::sum);
                        }
                    }
                }
            }
        } catch (IOException e) {
            println("slawatch demo: cannot read a record: " + e.getMessage());
        }
    }

    /** Rewrites the status line for a terminal {@code width} columns wide. */
    private synchronized void updateStatus(
            SimulatedClock clock,
            JobStatusProbe.Figures figures,
            long eventsLastSecond,
            int width) {
        long now = clock.millis();
        Map<AlertKind, Long> byKind = new EnumMap<>(AlertKind.class);
        alerts.values()
                .forEach(kinds -> kinds.forEach((kind, n) -> byKind.merge(kind, n, Long::sum)));
        StatusLine line =
                new StatusLine(
                        SIMULATED_TIME.format(Instant.ofEpochMilli(now).atZone(zone)),
                        eventsLastSecond,
                        figures.openTickets(),
                        figures.runningClocks(),
                        byKind,
                        figures.watermark().isPresent()
                                ? OptionalDouble.of(
                                        (now - figures.watermark().getAsLong()) / 1000.0)
                                : OptionalDouble.empty(),
                        figures.newestIndexed().isPresent()
                                ? OptionalDouble.of(
                                        (now - figures.newestIndexed().getAsLong()) / 1000.0)
                                : OptionalDouble.empty(),
                        settings.speed());
        status = terminal ? line.fit(width) : line.whole();
        if (terminal) {
            out.print("\r\u001b[K" + status);
            out.flush();
        }
    }

    private synchronized void clearStatus() {
        if (terminal) {
            out.print("\r\u001b[K");
        }
    }

    /** A line above the status line. */
    private synchronized void println(String line) {
        if (terminal) {
            out.print("\r\u001b[K" + line + "\n" + status);
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** The built-in clocks, and any other the policy ran. */
    private Set<ClockType> clocksSeen() {
        Set<ClockType> clocks = new TreeSet<>(ClockType.BUILT_IN);
        clocks.addAll(alerts.keySet());
        clocks.addAll(outcomes.keySet());
        return clocks;
    }

    synchronized String summary() {
        StringBuilder text = new StringBuilder("\nslawatch demo summary\n");
        text.append(
                String.format(
                        "  tickets: %d created (%d generated ahead); %d records delivered%n",
                        ticketsDelivered.get(), simulatedTickets, produced.get()));
        text.append("  alerts by clock and kind:\n");
        for (ClockType clock : clocksSeen()) {
            Map<AlertKind, Long> kinds = alerts.getOrDefault(clock, Map.of());
            StringBuilder line = new StringBuilder(String.format("    %-10s", clock));
            for (AlertKind kind : AlertKind.values()) {
                line.append(String.format(" %s %d", kind, kinds.getOrDefault(kind, 0L)));
            }
            text.append(line).append('\n');
        }
        text.append("  met-rate per clock (finished clocks):\n");
        for (ClockType clock : clocksSeen()) {
            long[] counts = outcomes.getOrDefault(clock, new long[3]);
            long finished = counts[0] + counts[1];
            text.append(
                    String.format(
                            "    %-10s %s  (met %d, late %d, cancelled %d)%n",
                            clock,
                            finished == 0
                                    ? "-"
                                    : String.format("%.1f %%", 100.0 * counts[0] / finished),
                            counts[0],
                            counts[1],
                            counts[2]));
        }
        text.append("  quarantined: ")
                .append(quarantined.isEmpty() ? "none" : quarantined.toString())
                .append('\n');
        text.append("where to look next:\n");
        text.append("  replay it: ./slawatch replay --input ")
                .append(recording)
                .append(" --policy ")
                .append(settings.policyFile())
                .append(" --alerts alerts.jsonl\n");
        text.append(
                "  dashboards: while a demo runs, point Grafana at the Elasticsearch URL printed at"
                        + " its start (README, \"Elasticsearch and Grafana\")\n");
        return text.toString();
    }

    /** The figures for a test: alerts of one kind over every clock. */
    synchronized long alerts(AlertKind kind) {
        return alerts.values().stream().mapToLong(kinds -> kinds.getOrDefault(kind, 0L)).sum();
    }
}

package io.slawatch.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.SlaMonitorJob;
import io.slawatch.consequence.Consequences;
import io.slawatch.detect.TicketSlaFunction;
import io.slawatch.ingest.Decoded;
import io.slawatch.ingest.EventDecoder;
import io.slawatch.ingest.ReviewDecoder;
import io.slawatch.ingest.SeparateQuarantineFunction;
import io.slawatch.ingest.file.FileLinesSource;
import io.slawatch.ingest.file.Lines;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.RawEvent;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.serde.FlinkSerialization;
import io.slawatch.serde.Json;
import io.slawatch.sink.JsonLinesFileSink;
import io.slawatch.time.EventTime;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the job graph over files on a local MiniCluster in streaming mode, pure event time, and
 * writes alerts, outcomes and quarantine as JSON lines sorted so that equal runs give equal files.
 */
public final class Replay {

    /** How often progress is reported while a replay runs. */
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    /**
     * @param reviews review files, applied in their event time (empty: none)
     * @param ledger where the consequences ledger goes; null to leave consequences out
     * @param versions policy versions published during the input (slawatch policy publish records,
     *     in order): each is in force for tickets CREATED from its effectiveFrom; {@code policy}
     *     before the first
     */
    public record Options(
            List<Path> inputs,
            SlaPolicy policy,
            Path alerts,
            Path outcomes,
            Path quarantine,
            int parallelism,
            Duration outOfOrderness,
            List<Path> reviews,
            Path ledger,
            List<PolicyVersion> versions) {

        public Options {
            reviews = List.copyOf(reviews);
            versions = List.copyOf(versions);
            if (ledger != null && policy.consequences() == null) {
                throw new IllegalArgumentException(
                        "policy "
                                + policy.version()
                                + " has no 'consequences' section: add one (see"
                                + " deploy/policies/default.yaml) to write a ledger");
            }
        }

        /** Without policy versions published during the input. */
        public Options(
                List<Path> inputs,
                SlaPolicy policy,
                Path alerts,
                Path outcomes,
                Path quarantine,
                int parallelism,
                Duration outOfOrderness,
                List<Path> reviews,
                Path ledger) {
            this(
                    inputs,
                    policy,
                    alerts,
                    outcomes,
                    quarantine,
                    parallelism,
                    outOfOrderness,
                    reviews,
                    ledger,
                    List.of());
        }

        /** The same run with {@code published} policy versions. */
        public Options withVersions(List<PolicyVersion> published) {
            return new Options(
                    inputs,
                    policy,
                    alerts,
                    outcomes,
                    quarantine,
                    parallelism,
                    outOfOrderness,
                    reviews,
                    ledger,
                    published);
        }

        /** Detection only, without consequences. */
        public Options(
                List<Path> inputs,
                SlaPolicy policy,
                Path alerts,
                Path outcomes,
                Path quarantine,
                int parallelism,
                Duration outOfOrderness) {
            this(
                    inputs,
                    policy,
                    alerts,
                    outcomes,
                    quarantine,
                    parallelism,
                    outOfOrderness,
                    List.of(),
                    null);
        }
    }

    public record Result(
            long eventsRead, long duplicates, long expiredTickets, Duration wallTime) {}

    private Replay() {}

    /**
     * The latest time of the events the job will use in {@code inputs}, as its decoder reads them;
     * Long.MIN_VALUE when none.
     */
    public static long lastEventTime(List<Path> inputs) throws IOException {
        EventDecoder decoder = EventDecoder.withDefaults();
        long last = Long.MIN_VALUE;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        for (Path input : inputs) {
            try (InputStream in = Lines.open(input)) {
                long line = 0;
                for (byte[] bytes = Lines.next(in, buffer);
                        bytes != null;
                        bytes = Lines.next(in, buffer)) {
                    Decoded decoded =
                            decoder.decode(
                                    new RawEvent(input.toString(), RawEvent.FILE, ++line, bytes));
                    if (decoded.ok()) {
                        last = Math.max(last, decoded.event().occurredAt().toEpochMilli());
                    }
                }
            }
        }
        return last;
    }

    public static Result run(Options options, LongConsumer progress) throws Exception {
        long started = System.nanoTime();
        Configuration config = FlinkSerialization.configure(new Configuration());
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(options.parallelism(), config);
        SlaMonitorJob.Outputs outputs =
                SlaMonitorJob.build(
                        env,
                        new FileLinesSource<>(
                                options.inputs().stream().map(Path::toString).toList(),
                                EventDecoder.withDefaults()),
                        1,
                        EventTime.replay(options.outOfOrderness()),
                        options.policy(),
                        options.versions());
        outputs.alerts()
                .sinkTo(new JsonLinesFileSink<Alert>(options.alerts()))
                .name("alerts file")
                .uid("alerts-file")
                .setParallelism(1);
        outputs.outcomes()
                .sinkTo(new JsonLinesFileSink<ClockOutcome>(options.outcomes()))
                .name("outcomes file")
                .uid("outcomes-file")
                .setParallelism(1);
        DataStream<QuarantineRecord> quarantine = outputs.quarantine();
        if (options.ledger() != null) {
            Consequences.Outputs consequences =
                    Consequences.build(
                            env,
                            outputs.clockAlerts(),
                            outputs.outcomes(),
                            new FileLinesSource<>(
                                    options.reviews().stream().map(Path::toString).toList(),
                                    ReviewDecoder.withDefaults()),
                            1,
                            EventTime.reviewsReplay(options.outOfOrderness()),
                            new Consequences.Rules(options.policy(), options.versions(), null),
                            lastEventTime(options.inputs()));
            consequences
                    .ledger()
                    .sinkTo(new JsonLinesFileSink<LedgerEntry>(options.ledger()))
                    .name("ledger file")
                    .uid("ledger-file")
                    .setParallelism(1);
            quarantine = quarantine.union(consequences.quarantine());
        }
        quarantine
                .sinkTo(new JsonLinesFileSink<QuarantineRecord>(options.quarantine()))
                .name("quarantine file")
                .uid("quarantine-file")
                .setParallelism(1);

        JobClient job = env.executeAsync("slawatch replay");
        CompletableFuture<JobExecutionResult> done = job.getJobExecutionResult();
        JobExecutionResult result;
        while (true) {
            try {
                result = done.get(PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException stillRunning) {
                Map<String, Object> accumulators = job.getAccumulators().get();
                Object read = accumulators.get(SeparateQuarantineFunction.EVENTS_READ);
                progress.accept(read instanceof Long count ? count : 0L);
            }
        }
        sortLines(
                options.alerts(),
                n -> n.get("eventTime").asText() + '\0' + n.get("alertId").asText());
        sortLines(
                options.outcomes(),
                n -> n.get("startedAt").asText() + '\0' + n.get("outcomeId").asText());
        if (options.ledger() != null) {
            // Within an instant, in the order a case unfolds: request, decision, what follows.
            sortLines(
                    options.ledger(),
                    n ->
                            String.join(
                                    "\0",
                                    n.get("at").asText(),
                                    String.format(
                                            "%02d",
                                            LedgerKind.valueOf(n.get("kind").asText()).ordinal()),
                                    n.get("entryId").asText()));
        }
        sortLines(
                options.quarantine(),
                n ->
                        String.join(
                                "\0",
                                text(n, "file"),
                                String.format("%019d", n.path("line").asLong()),
                                n.get("reason").asText(),
                                text(n, "eventId"),
                                n.get("payload").asText()));
        return new Result(
                counter(result, SeparateQuarantineFunction.EVENTS_READ),
                counter(result, TicketSlaFunction.DUPLICATES),
                counter(result, TicketSlaFunction.EXPIRED_TICKETS),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static long counter(JobExecutionResult result, String name) {
        Object value = result.getAccumulatorResult(name);
        return value instanceof Long count ? count : 0L;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? "" : value.asText();
    }

    /**
     * Rewrites a JSON-lines file in the order of each line's {@code key}: parallel subtasks write
     * in any order. Only the lines and their keys are held, not parsed trees, so that outputs of
     * millions of lines fit in memory.
     */
    static void sortLines(Path file, Function<JsonNode, String> key) throws IOException {
        record Line(String key, String text) {}
        List<Line> lines = new ArrayList<>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                lines.add(new Line(key.apply(Json.mapper().readTree(text)), text));
            }
        }
        lines.sort(Comparator.comparing(Line::key));
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Line line : lines) {
                writer.write(line.text());
                writer.newLine();
            }
        }
    }

    /** Reads a JSON-lines output back as records. */
    public static <T> List<T> read(Path file, Class<T> type) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.map(
                            line -> {
                                try {
                                    return Json.mapper().readValue(line, type);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

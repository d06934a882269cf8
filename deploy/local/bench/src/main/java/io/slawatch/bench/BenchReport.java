package io.slawatch.bench;

import io.slawatch.LiveJobOptions;
import io.slawatch.policy.SlaPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Runs every benchmark, prints each figure as it comes and writes the report's figures. */
public final class BenchReport {

    static final String BEGIN = "<!-- figures: written by ./slawatch bench -->";
    static final String END = "<!-- /figures -->";

    /**
     * Background events/s of the latency benchmark that the live job with Elasticsearch keeps up
     * with here.
     */
    static final int SUSTAINED_LOAD = 1_000;

    /**
     * Background events/s near what the live job with Elasticsearch sustains here; if it falls
     * behind, the latency figure shows by how much.
     */
    static final int OVERLOAD = 5_000;

    /** Events/s under which dashboard freshness is measured. */
    static final int FRESHNESS_LOAD = 2_000;

    /** Alerts/s into Alertmanager under which delivery latency is measured. */
    static final int NOTIFY_LOAD = 1_000;

    /** Between two unanswered tickets of the latency benchmark. */
    static final Duration LATENCY_SPACING = Duration.ofMillis(100);

    private BenchReport() {}

    /** The measurements, as {@code --only} names them. */
    public enum Measure {
        DECODING,
        DETECTION,
        END_TO_END,
        KAFKA_TO_KAFKA,
        LATENCY,
        FRESHNESS,
        NOTIFY,
        STATE,
        REPLAY,
        PREDICTIONS;

        public String optionName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Runs {@code measures} and, when that is all of them, writes the figures into {@code report};
     * a partial run only prints, so the report always holds one run's figures side by side.
     */
    public static void run(
            SlaPolicy policy,
            Path policyFile,
            Path root,
            boolean quick,
            Set<Measure> measures,
            String command,
            Path report,
            PrintWriter out)
            throws Exception {
        List<Figure> figures = new ArrayList<>();
        Path work = Files.createTempDirectory("slawatch-bench-");
        try {
            Consumer<Figure> reportTo =
                    figure -> {
                        figures.add(figure);
                        out.printf(
                                "%-45s %-28s %s%n",
                                figure.measure(), figure.value(), figure.note());
                        out.flush();
                    };
            Benchmarks bench = new Benchmarks(policy, quick, work, reportTo);
            out.println("slawatch bench: " + machine() + (quick ? " (quick)" : ""));
            out.flush();
            BenchEvents traffic = BenchEvents.simulate(policy, quick ? 20_000 : 100_000);
            if (measures.contains(Measure.DECODING) || measures.contains(Measure.DETECTION)) {
                // Detection is reported against the decoding ceiling.
                bench.decodingCeiling(traffic);
            }
            if (measures.contains(Measure.DETECTION)) {
                bench.warmUp(traffic);
                bench.detectionThroughput(traffic, 1, LiveJobOptions.StateBackend.HASHMAP);
                bench.detectionThroughput(traffic, 2, LiveJobOptions.StateBackend.HASHMAP);
                if (policy.consequences() != null) {
                    bench.consequencesThroughput(traffic, 2, LiveJobOptions.StateBackend.HASHMAP);
                }
                if (!quick) {
                    bench.detectionThroughput(traffic, 1, LiveJobOptions.StateBackend.ROCKSDB);
                }
                bench.detectionThroughput(traffic, 2, LiveJobOptions.StateBackend.ROCKSDB);
            }
            if (measures.contains(Measure.END_TO_END)
                    || measures.contains(Measure.LATENCY)
                    || measures.contains(Measure.FRESHNESS)
                    || measures.contains(Measure.NOTIFY)
                    || measures.contains(Measure.KAFKA_TO_KAFKA)) {
                try (LiveBenchmarks live = new LiveBenchmarks(policy, policyFile, root, reportTo)) {
                    if (measures.contains(Measure.END_TO_END)) {
                        live.warmUpEndToEnd(traffic);
                        live.indexing().againstPlainBulk(live.indexerBeside(traffic));
                    }
                    if (measures.contains(Measure.FRESHNESS)) {
                        live.indexing()
                                .freshness(
                                        FRESHNESS_LOAD,
                                        quick ? Duration.ofSeconds(45) : Duration.ofMinutes(2));
                    }
                    if (measures.contains(Measure.NOTIFY)) {
                        new NotifierBenchmarks(live.bootstrapServers(), work, reportTo)
                                .deliveryLatency(
                                        NOTIFY_LOAD,
                                        quick ? Duration.ofSeconds(15) : Duration.ofSeconds(30));
                    }
                    if (measures.contains(Measure.LATENCY)) {
                        int tickets = quick ? 100 : 300;
                        live.latency(tickets, LATENCY_SPACING, 0, false);
                        live.latency(tickets, LATENCY_SPACING, 0, true);
                        live.latency(tickets, LATENCY_SPACING, SUSTAINED_LOAD, false);
                        if (!quick) {
                            live.latency(tickets, LATENCY_SPACING, OVERLOAD, false);
                        }
                    }
                    if (measures.contains(Measure.KAFKA_TO_KAFKA)) {
                        // Elasticsearch goes on merging long after a run and would take a core.
                        live.closeElasticsearch();
                        live.kafkaToKafka(traffic, work);
                    }
                }
            }
            if (measures.contains(Measure.STATE)) {
                int open = quick ? 100_000 : 1_000_000;
                bench.statePerOpenTicket(open, LiveJobOptions.StateBackend.HASHMAP);
                bench.statePerOpenTicket(open, LiveJobOptions.StateBackend.ROCKSDB);
            }
            if (measures.contains(Measure.PREDICTIONS) && policy.prediction() != null) {
                new PredictionBenchmarks(policy, work, reportTo)
                        .predictions(quick ? 5_000 : 20_000);
            }
            if (measures.contains(Measure.REPLAY)) {
                for (long records :
                        quick
                                ? new long[] {100_000, 1_000_000}
                                : new long[] {1_000_000, 10_000_000}) {
                    bench.replay(records);
                }
            }
        } finally {
            delete(work);
        }
        if (measures.containsAll(EnumSet.allOf(Measure.class))) {
            write(report, figures, command);
            out.println("slawatch bench: figures written to " + report);
        } else {
            out.println("slawatch bench: a partial run; " + report + " is left as it is");
        }
        out.flush();
    }

    static String machine() {
        return String.format(
                "%d cores, %d MiB max heap, Java %s (%s), %s %s",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }

    /** Replaces the figures between the markers, keeping the rest (the history) as it is. */
    static void write(Path report, List<Figure> figures, String command) throws IOException {
        StringBuilder table = new StringBuilder(BEGIN).append('\n');
        table.append("Measured ")
                .append(LocalDate.now(ZoneOffset.UTC))
                .append(" on ")
                .append(machine())
                .append(", with `")
                .append(command)
                .append("`.\n\n| measure | figure | how |\n|---|---|---|\n");
        for (Figure figure : figures) {
            table.append("| ")
                    .append(figure.measure())
                    .append(" | ")
                    .append(figure.value())
                    .append(" | ")
                    .append(figure.note())
                    .append(" |\n");
        }
        table.append(END);
        String text =
                Files.exists(report)
                        ? Files.readString(report, StandardCharsets.UTF_8)
                        : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            text = text + "\n" + BEGIN + "\n" + END + "\n";
            begin = text.indexOf(BEGIN);
            end = text.indexOf(END);
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(
                report,
                text.substring(0, begin) + table + text.substring(end + END.length()),
                StandardCharsets.UTF_8);
    }

    static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

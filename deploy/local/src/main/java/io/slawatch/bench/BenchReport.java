package io.slawatch.bench;

import io.slawatch.JobOptions;
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
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Runs every benchmark, prints each figure as it comes and writes the report's figures. */
public final class BenchReport {

    static final String BEGIN = "<!-- figures: written by ./slawatch bench -->";
    static final String END = "<!-- /figures -->";

    /** Records of the end-to-end run: it is limited by the live pipeline, not the input. */
    static final int END_TO_END_RECORDS = 100_000;

    /** Between two unanswered tickets of the latency benchmark. */
    static final Duration LATENCY_SPACING = Duration.ofMillis(100);

    private BenchReport() {}

    public static void run(
            SlaPolicy policy,
            Path policyFile,
            Path root,
            boolean quick,
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
            bench.decodingCeiling(traffic);
            bench.warmUp(traffic);
            bench.detectionThroughput(traffic, 1, JobOptions.StateBackend.HASHMAP);
            bench.detectionThroughput(traffic, 2, JobOptions.StateBackend.HASHMAP);
            if (!quick) {
                bench.detectionThroughput(traffic, 1, JobOptions.StateBackend.ROCKSDB);
            }
            bench.detectionThroughput(traffic, 2, JobOptions.StateBackend.ROCKSDB);
            try (LiveBenchmarks live = new LiveBenchmarks(policy, policyFile, root, reportTo)) {
                live.endToEnd(traffic, END_TO_END_RECORDS);
                int tickets = quick ? 100 : 300;
                live.latency(tickets, LATENCY_SPACING, 0);
                live.latency(tickets, LATENCY_SPACING, quick ? 2_000 : 5_000);
            }
            int open = quick ? 100_000 : 1_000_000;
            bench.statePerOpenTicket(open, JobOptions.StateBackend.HASHMAP);
            bench.statePerOpenTicket(open, JobOptions.StateBackend.ROCKSDB);
            for (long records :
                    quick ? new long[] {100_000, 1_000_000} : new long[] {1_000_000, 10_000_000}) {
                bench.replay(records);
            }
        } finally {
            delete(work);
        }
        write(report, figures, command);
        out.println("slawatch bench: figures written to " + report);
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

package io.slawatch.bench;

import io.slawatch.IndexerJob;
import io.slawatch.JobOptions;
import io.slawatch.embedded.EmbeddedElasticsearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The indexer job in a JVM of its own ({@code slawatch index}) at the lowest CPU priority ({@value
 * #NICENESS}): as production runs it, in a container of its own with the smallest CPU weight, so
 * that on two shared cores detection comes first and the dashboards lag.
 */
final class IndexerProcess implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    static final String HEAP = "-Xmx1g";

    /**
     * {@code nice}'s lowest priority. At Elasticsearch's ({@link EmbeddedElasticsearch#NICENESS})
     * the indexer and the Elasticsearch it fed took up to 45 ticks a second of the two cores' 200
     * while detection read its backlog; at this one the indexer about 12, Elasticsearch 0–5.
     */
    static final int NICENESS = 19;

    /** The CLI's entry class; the bench module cannot depend on the CLI, which depends on it. */
    static final String CLI = "io.slawatch.cli.SlawatchCli";

    private final Process process;
    private final Path log;

    private IndexerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the indexer on {@code options} and returns once its job runs. */
    static IndexerProcess start(JobOptions options, Path root) throws Exception {
        Path log = Files.createTempFile("slawatch-bench-indexer", ".log");
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "nice",
                                "-n",
                                String.valueOf(NICENESS),
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                HEAP,
                                "-Dslawatch.root=" + root,
                                "-cp",
                                System.getProperty("java.class.path"),
                                CLI,
                                "index"));
        command.addAll(options.arguments(JobOptions.Job.INDEXER));
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        IndexerProcess indexer = new IndexerProcess(process, log);
        try {
            indexer.awaitRunning();
        } catch (Exception e) {
            indexer.close();
            throw e;
        }
        return indexer;
    }

    private void awaitRunning() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.readString(log, StandardCharsets.UTF_8).contains(IndexerJob.RUNNING_LINE)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException(
                        "the indexer "
                                + (process.isAlive()
                                        ? "did not start within " + START_TIMEOUT
                                        : "ended")
                                + ":\n"
                                + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(log);
    }
}

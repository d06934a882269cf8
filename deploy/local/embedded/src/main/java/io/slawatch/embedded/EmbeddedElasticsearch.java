package io.slawatch.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Elasticsearch as a child process, from the {@code integ-test-zip} distribution that the build
 * unpacks under {@code deploy/local/embedded/target/elasticsearch}: free ports, security off, a
 * small heap, the running JDK as ES_JAVA_HOME, a lower CPU priority than the jobs ({@value
 * #NICENESS}). Elasticsearch refuses to run as root, so when started by root it runs as {@value
 * #UNPRIVILEGED_USER} with its working directories owned by that user. Close it and nothing is
 * left: the process is stopped and its directories deleted.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    static final String UNPRIVILEGED_USER = "nobody";
    static final String UNPRIVILEGED_GROUP = "nogroup";
    static final String HEAP = "-Xms512m -Xmx512m";

    /** The CPU priority Elasticsearch runs at, lower than the jobs' ({@code nice}'s scale). */
    public static final int NICENESS = 10;

    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    static final int LOG_TAIL_LINES = 40;

    private final ProcessBuilder launcher;
    private final Path workDirectory;
    private final int httpPort;
    private Process process;

    /**
     * Closes this cluster if the JVM ends without doing so (Ctrl-C, SIGTERM): the process runs as
     * another user and would outlive it. Removed by {@link #close}.
     */
    private final Thread closeOnExit = new Thread(this::closeQuietly, "close-elasticsearch");

    private EmbeddedElasticsearch(ProcessBuilder launcher, Path workDirectory, int httpPort)
            throws IOException {
        this.launcher = launcher;
        this.workDirectory = workDirectory;
        this.httpPort = httpPort;
        this.process = launcher.start();
        Runtime.getRuntime().addShutdownHook(closeOnExit);
    }

    /** Where the build unpacked the distribution, for a slawatch checkout at {@code root}. */
    public static Path distribution(Path root) {
        Properties properties = new Properties();
        try (InputStream in =
                EmbeddedElasticsearch.class.getResourceAsStream("/slawatch-embedded.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root.resolve(
                "deploy/local/embedded/target/elasticsearch/elasticsearch-"
                        + properties.getProperty("elasticsearch.version"));
    }

    /** Starts a one-node cluster on free ports and waits until it answers. */
    public static EmbeddedElasticsearch start(Path distribution)
            throws IOException, InterruptedException {
        return start(distribution, freePort());
    }

    /** Starts a one-node cluster with its HTTP API on {@code httpPort}. */
    public static EmbeddedElasticsearch start(Path distribution, int httpPort)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(distribution.resolve("bin/elasticsearch"))) {
            throw new IOException(
                    "no Elasticsearch distribution at "
                            + distribution
                            + ": build it with `mvn -B package -pl deploy/local/embedded`");
        }
        Path work = Files.createTempDirectory("slawatch-elasticsearch-");
        Path config = work.resolve("config");
        try (Stream<Path> files = Files.walk(distribution.resolve("config"))) {
            for (Path source : files.toList()) {
                Path target =
                        config.resolve(
                                distribution.resolve("config").relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Files.createDirectories(work.resolve("data"));
        Files.createDirectories(work.resolve("logs"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            giveTo(work, UNPRIVILEGED_USER, UNPRIVILEGED_GROUP);
        }
        int transportPort = freePort();
        // On a machine it shares with the jobs, detection and alert delivery come first: the
        // dashboards lag, as they do whenever Elasticsearch is slow.
        List<String> command = new ArrayList<>(List.of("nice", "-n", String.valueOf(NICENESS)));
        if (root) {
            command.addAll(
                    List.of(
                            "setpriv",
                            "--reuid=" + UNPRIVILEGED_USER,
                            "--regid=" + UNPRIVILEGED_GROUP,
                            "--clear-groups"));
        }
        command.addAll(
                List.of(
                        distribution.resolve("bin/elasticsearch").toString(),
                        "-Ehttp.port=" + httpPort,
                        "-Etransport.port=" + transportPort,
                        "-Ehttp.host=127.0.0.1",
                        "-Etransport.host=127.0.0.1",
                        "-Ediscovery.type=single-node",
                        "-Expack.security.enabled=false",
                        "-Ecluster.name=slawatch",
                        "-Epath.data=" + work.resolve("data"),
                        "-Epath.logs=" + work.resolve("logs"),
                        // A disk that is nearly full must not make indices read-only in tests.
                        "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(
                                        work.resolve("console.log").toFile()));
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ES_JAVA_OPTS", HEAP);
        builder.environment().put("ES_PATH_CONF", config.toString());
        builder.environment().put("HOME", work.toString());
        EmbeddedElasticsearch elasticsearch = new EmbeddedElasticsearch(builder, work, httpPort);
        elasticsearch.awaitReady();
        return elasticsearch;
    }

    /** Stops the process but keeps its data and ports: an outage, ended by {@link #restart}. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * Kills every process of this Elasticsearch with SIGKILL, as a machine losing power: an outage
     * that begins at once (a frozen Elasticsearch too), ended by {@link #restart}.
     */
    public void crash() throws IOException, InterruptedException {
        signal("KILL");
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IOException("Elasticsearch outlived SIGKILL for " + STOP_TIMEOUT);
        }
    }

    /** Whether the process is alive (frozen counts as alive). */
    public boolean running() {
        return process.isAlive();
    }

    /** Starts the stopped process again on the same data and ports and waits until it answers. */
    public void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("Elasticsearch is running");
        }
        process = launcher.start();
        awaitReady();
    }

    /**
     * Freezes every process of this Elasticsearch with SIGSTOP: its sockets stay open but nothing
     * answers, as when a machine hangs (unlike {@link #stop}, where connections are refused).
     * {@link #thaw} ends it.
     */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Resumes a {@link #freeze frozen} Elasticsearch with SIGCONT. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    /** Sends {@code signal} to the launched process and all its descendants (the server JVM). */
    private void signal(String signal) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .forEach(handle -> command.add(String.valueOf(handle.pid())));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes());
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " failed: " + output.strip());
        }
    }

    /** True once the process has exited and its directories are gone. */
    public boolean isStopped() {
        return !process.isAlive() && !Files.exists(workDirectory);
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health =
                HttpRequest.newBuilder(
                                URI.create(
                                        url()
                                                + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = logTail();
                close();
                throw new IOException(
                        "Elasticsearch exited with "
                                + process.exitValue()
                                + " while starting:\n"
                                + tail);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet: the process has not got that far.
            }
            process.waitFor(500, TimeUnit.MILLISECONDS);
        }
        String tail = logTail();
        close();
        throw new IOException(
                "Elasticsearch did not answer within " + START_TIMEOUT + ":\n" + tail);
    }

    /** The last lines Elasticsearch printed, for a failed start. */
    String logTail() throws IOException {
        List<String> lines = Files.readAllLines(workDirectory.resolve("console.log"));
        return String.join(
                "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        } catch (IllegalStateException shuttingDown) {
            // Closed from another shutdown hook; this one runs too and finds nothing left to do.
        }
        stopAndDelete();
    }

    private void closeQuietly() {
        try {
            // At once: other hooks (Flink's shutdown safeguard) may halt the JVM within seconds,
            // and
            // the data is deleted anyway.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            stopAndDelete();
        } catch (IOException | InterruptedException e) {
            System.err.println("could not close the embedded Elasticsearch: " + e);
        }
    }

    private synchronized void stopAndDelete() throws IOException, InterruptedException {
        if (process.isAlive()) {
            stop();
        }
        if (!Files.exists(workDirectory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(workDirectory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void giveTo(Path directory, String user, String group) throws IOException {
        UserPrincipalLookupService users =
                directory.getFileSystem().getUserPrincipalLookupService();
        var owner = users.lookupPrincipalByName(user);
        var ownerGroup = users.lookupPrincipalByGroupName(group);
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.toList()) {
                Files.setOwner(path, owner);
                Files.getFileAttributeView(
                                path, java.nio.file.attribute.PosixFileAttributeView.class)
                        .setGroup(ownerGroup);
            }
        }
    }
}

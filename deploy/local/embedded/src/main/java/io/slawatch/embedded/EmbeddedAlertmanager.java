package io.slawatch.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager}, API v2) as a child
 * process on a free loopback port, alone (no cluster), with a configuration of its own: every alert
 * goes to a receiver that sends nothing, so what it holds is read from its API.
 */
public final class EmbeddedAlertmanager implements AutoCloseable {

    /** The Debian package's binary, then the upstream name. */
    static final List<String> BINARIES =
            List.of("/usr/bin/prometheus-alertmanager", "/usr/local/bin/alertmanager");

    static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path work;
    private final int port;

    private EmbeddedAlertmanager(Process process, Path work, int port) {
        this.process = process;
        this.work = work;
        this.port = port;
    }

    /** The binary, or why there is none and how to get it. */
    public static Path binary() {
        for (String candidate : BINARIES) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException(
                "no Alertmanager: install it with `apt-get install -y prometheus-alertmanager`"
                        + " (.ci/run does)");
    }

    /** Starts one whose alerts resolve {@code resolveTimeout} after their last update. */
    public static EmbeddedAlertmanager start(Duration resolveTimeout)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("slawatch-alertmanager-");
        Path config = work.resolve("alertmanager.yml");
        Files.writeString(
                config,
                """
                global:
                  resolve_timeout: %ds
                route:
                  receiver: nowhere
                  group_wait: 1s
                  group_interval: 1s
                receivers:
                  - name: nowhere
                """
                        .formatted(resolveTimeout.toSeconds()));
        int port = freePort();
        Process process =
                new ProcessBuilder(
                                binary().toString(),
                                "--config.file=" + config,
                                "--storage.path=" + work.resolve("data"),
                                "--web.listen-address=127.0.0.1:" + port,
                                "--cluster.listen-address=",
                                "--log.level=warn")
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve("console.log").toFile())
                        .start();
        EmbeddedAlertmanager alertmanager = new EmbeddedAlertmanager(process, work, port);
        alertmanager.awaitReady();
        return alertmanager;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready =
                HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
                        .timeout(Duration.ofSeconds(2))
                        .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = Files.readString(work.resolve("console.log"));
                close();
                throw new IOException("Alertmanager exited while starting:\n" + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        close();
        throw new IOException("Alertmanager did not become ready within " + START_TIMEOUT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

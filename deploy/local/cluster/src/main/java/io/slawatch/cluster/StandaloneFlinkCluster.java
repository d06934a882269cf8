package io.slawatch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Flink standalone session cluster of separate JVM processes on this machine: one JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}), as
 * {@code bin/start-cluster.sh} would start them, but from the Flink runtime Maven resolved for this
 * module ({@code flink-runtime.classpath}; the {@code flink-dist} bundle is not on Maven Central).
 * Jobs are submitted the way {@code flink run} does, through the REST API. A TaskManager can be
 * killed with SIGKILL and replaced.
 */
public final class StandaloneFlinkCluster implements AutoCloseable {

    static final String JOB_MANAGER =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    static final Duration STARTUP = Duration.ofMinutes(2);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work;
    private final Path conf;
    private final String classpath;
    private final int restPort;
    private final Process jobManager;
    private final List<Process> taskManagers = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int started;

    private StandaloneFlinkCluster(Path work, Path conf, String classpath, int restPort)
            throws IOException {
        this.work = work;
        this.conf = conf;
        this.classpath = classpath;
        this.restPort = restPort;
        this.jobManager = launch("jobmanager", JOB_MANAGER, "GET_JM_RESOURCE_PARAMS");
    }

    /**
     * Starts a JobManager and {@code taskManagers} TaskManagers of {@code slots} slots each, with
     * {@code settings} added to the cluster's configuration (checkpoint directory, restart
     * strategy…), and waits until every TaskManager has registered.
     */
    public static StandaloneFlinkCluster start(
            Path work, int taskManagers, int slots, Map<String, String> settings)
            throws IOException, InterruptedException {
        Path conf = Files.createDirectories(work.resolve("conf"));
        int restPort = freePort();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("jobmanager.rpc.address", "localhost");
        config.put("jobmanager.rpc.port", String.valueOf(freePort()));
        config.put("jobmanager.bind-host", "localhost");
        config.put("jobmanager.memory.process.size", "1024m");
        config.put("rest.address", "localhost");
        config.put("rest.bind-address", "localhost");
        config.put("rest.port", String.valueOf(restPort));
        config.put("web.upload.dir", work.resolve("uploads").toString());
        config.put("taskmanager.host", "localhost");
        config.put("taskmanager.bind-host", "localhost");
        config.put("taskmanager.numberOfTaskSlots", String.valueOf(slots));
        config.put("taskmanager.memory.process.size", "1280m");
        // Heap state (the default backend) needs no managed memory: give it to the task heap.
        config.put("taskmanager.memory.managed.fraction", "0.05");
        config.put("blob.server.port", "0");
        config.put("taskmanager.rpc.port", "0");
        config.put("taskmanager.data.port", "0");
        // A killed TaskManager is noticed by its lost connections first; this bounds the rest.
        config.put("heartbeat.interval", "2000");
        config.put("heartbeat.timeout", "10000");
        config.putAll(settings);
        StringBuilder yaml = new StringBuilder();
        config.forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
        Files.writeString(conf.resolve("config.yaml"), yaml);
        Files.writeString(conf.resolve("log4j.properties"), LOG4J);
        StandaloneFlinkCluster cluster =
                new StandaloneFlinkCluster(work, conf, classpath(), restPort);
        try {
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
            cluster.awaitTaskManagers(taskManagers);
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private static final String LOG4J =
            """
            rootLogger.level = INFO
            rootLogger.appenderRef.file.ref = File
            appender.file.type = File
            appender.file.name = File
            appender.file.fileName = ${sys:log.file}
            appender.file.layout.type = PatternLayout
            appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} - %m%n
            """;

    /** The Flink runtime's jars, as Maven resolved them when this module was built. */
    static String classpath() throws IOException {
        try (InputStream in =
                StandaloneFlinkCluster.class.getResourceAsStream("flink-runtime.classpath")) {
            if (in == null) {
                throw new IOException(
                        "flink-runtime.classpath is missing: build the module with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /**
     * Starts a JVM of the cluster as Flink's scripts do: {@code BashJavaUtils} derives its JVM
     * memory options and the resource settings it is given ({@code -D key=value}) from the
     * configuration, here as there.
     */
    private Process launch(String name, String mainClass, String resources) throws IOException {
        List<String> derived = derive(resources);
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(DISTRIBUTION_JVM_OPTIONS);
        command.addAll(List.of(derived.get(0).split(" ")));
        command.addAll(
                List.of(
                        "-Dlog.file=" + work.resolve(name + ".log"),
                        "-Dlog4j.configurationFile=" + conf.resolve("log4j.properties"),
                        "-cp",
                        classpath,
                        mainClass,
                        "--configDir",
                        conf.toString()));
        command.addAll(List.of(derived.get(1).split(" ")));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(work.resolve(name + ".out").toFile()))
                .start();
    }

    /** Starts one more TaskManager process; it registers with the JobManager on its own. */
    public void startTaskManager() throws IOException {
        taskManagers.add(
                launch("taskmanager-" + started++, TASK_MANAGER, "GET_TM_RESOURCE_PARAMS"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code BashJavaUtils COMMAND}'s two results: JVM options, then dynamic settings. */
    private List<String> derive(String command) throws IOException {
        Process utils =
                new ProcessBuilder(
                                java(),
                                "-Dlog.file=" + work.resolve("bash-java-utils.log"),
                                "-Dlog4j.configurationFile=" + conf.resolve("log4j.properties"),
                                "-cp",
                                classpath,
                                BASH_JAVA_UTILS,
                                command,
                                "--configDir",
                                conf.toString())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(utils.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> results =
                output.lines()
                        .filter(line -> line.startsWith(RESULT))
                        .map(line -> line.substring(RESULT.length()).strip())
                        .toList();
        if (results.size() != 2) {
            throw new IOException(command + " gave no memory settings: " + output);
        }
        return results;
    }

    /**
     * What the Flink distribution's config.yaml gives every JVM ({@code
     * env.java.default-opts.all}): Flink reflects into the JDK (e.g. when a jar's main runs in the
     * JobManager).
     */
    static final List<String> DISTRIBUTION_JVM_OPTIONS =
            List.of(
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    static final String RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";

    /** Kills the {@code index}th TaskManager still running with SIGKILL, as a crash would. */
    public void killTaskManager(int index) throws InterruptedException {
        Process victim = taskManagers.remove(index);
        victim.destroyForcibly(); // SIGKILL on Linux
        victim.waitFor(30, TimeUnit.SECONDS);
    }

    /** The TaskManagers registered with the JobManager, by its REST API. */
    public int registeredTaskManagers() throws IOException, InterruptedException {
        return get("/overview").path("taskmanagers").asInt();
    }

    /** Waits until {@code count} TaskManagers are registered, or fails after {@link #STARTUP}. */
    public void awaitTaskManagers(int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jobManager.isAlive()) {
                throw new IOException(
                        "the JobManager exited: see " + work.resolve("jobmanager.log"));
            }
            try {
                if (registeredTaskManagers() == count) {
                    return;
                }
            } catch (IOException notUpYet) {
                // The REST endpoint starts a few seconds after the process.
            }
            Thread.sleep(200);
        }
        throw new IOException(
                count + " TaskManagers did not register within " + STARTUP + ": see " + work);
    }

    /** Uploads a job jar as {@code flink run} does ({@code POST /jars/upload}); returns its id. */
    public String uploadJar(Path jar) throws IOException, InterruptedException {
        String boundary = "slawatch-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                                + jar.getFileName()
                                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode answer =
                send(
                        HttpRequest.newBuilder(uri("/jars/upload"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build());
        String file = answer.path("filename").asText();
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /**
     * Runs an uploaded jar's {@code entryClass} with {@code args} ({@code POST /jars/{id}/run}):
     * its main runs in the JobManager and submits the job. Returns the job's id.
     */
    public String runJar(String jarId, String entryClass, List<String> args)
            throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        request.put("entryClass", entryClass);
        args.forEach(request.putArray("programArgsList")::add);
        JsonNode answer =
                send(
                        HttpRequest.newBuilder(uri("/jars/" + jarId + "/run"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                                .build());
        return answer.path("jobid").asText();
    }

    /** A REST resource of the JobManager, e.g. {@code /jobs/{id}}. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** Cancels a job ({@code PATCH /jobs/{id}?mode=cancel}). */
    public void cancel(String jobId) throws IOException, InterruptedException {
        send(
                HttpRequest.newBuilder(uri("/jobs/" + jobId + "?mode=cancel"))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + restPort + path);
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException(
                    request.method()
                            + " "
                            + request.uri().getPath()
                            + ": HTTP "
                            + response.statusCode()
                            + " "
                            + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** Where the processes' logs are. */
    public Path workDirectory() {
        return work;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : taskManagers) {
            process.destroyForcibly();
        }
        jobManager.destroyForcibly();
        for (Process process : taskManagers) {
            process.waitFor(30, TimeUnit.SECONDS);
        }
        jobManager.waitFor(30, TimeUnit.SECONDS);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

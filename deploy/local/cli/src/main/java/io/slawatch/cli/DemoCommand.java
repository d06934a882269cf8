package io.slawatch.cli;

import io.slawatch.demo.Demo;
import io.slawatch.embedded.EmbeddedElasticsearch;
import io.slawatch.embedded.EmbeddedKafka;
import io.slawatch.notify.NotifyConfig;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.simulate.TicketSimulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slawatch demo}: the whole stack in this process, fed by the simulator. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start Kafka (in-process KRaft broker), Elasticsearch (child process), the live job on"
                    + " a Flink MiniCluster with its web UI, and the ticket simulator; show each"
                    + " alert as it fires and a status line; stop after --minutes or on Ctrl-C,"
                    + " print a summary and leave nothing running. With --notify, a notifier job"
                    + " delivers the alerts to the file's receivers."
        })
final class DemoCommand implements Callable<Integer> {

    static final int DEFAULT_UI_PORT = 8081;
    static final int DEFAULT_ELASTICSEARCH_PORT = 9200;
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofMinutes(2);

    @Spec CommandSpec spec;

    @Option(
            names = "--minutes",
            paramLabel = "N",
            description = "Stop after N minutes (decimals allowed); without it, run until Ctrl-C.")
    Double minutes;

    @Option(
            names = "--speed",
            paramLabel = "X",
            defaultValue = "1",
            description =
                    "Simulated time runs X times faster than real time; the job's timers follow it. Default: ${DEFAULT-VALUE}.")
    double speed;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            defaultValue = "deploy/policies/default.yaml",
            description = "SLA policy. Default: ${DEFAULT-VALUE}.")
    Path policy;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Simulator seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--tickets-per-hour",
            paramLabel = "N",
            defaultValue = "" + TicketSimulator.DEFAULT_TICKETS_PER_HOUR,
            description =
                    "Tickets created in the busiest hour of a normal day. Default: ${DEFAULT-VALUE}.")
    double ticketsPerHour;

    @Option(
            names = "--ui-port",
            paramLabel = "PORT",
            defaultValue = "" + DEFAULT_UI_PORT,
            description = "Flink web UI. Default: ${DEFAULT-VALUE}.")
    int uiPort;

    @Option(
            names = "--elasticsearch-port",
            paramLabel = "PORT",
            defaultValue = "" + DEFAULT_ELASTICSEARCH_PORT,
            description = "Elasticsearch HTTP port. Default: ${DEFAULT-VALUE}.")
    int elasticsearchPort;

    @Option(
            names = "--notify",
            paramLabel = "FILE",
            description =
                    "Notification file (e.g. deploy/notify/notify.yaml): a notifier job delivers"
                            + " the demo's alerts to its receivers (Alertmanager, webhooks,"
                            + " PagerDuty).")
    Path notify;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (speed <= 0 || (minutes != null && minutes <= 0)) {
            err.println("slawatch demo: --speed and --minutes must be positive");
            err.flush();
            return 1;
        }
        for (int[] port : new int[][] {{uiPort, 0}, {elasticsearchPort, 1}}) {
            if (!Demo.portFree(port[0])) {
                err.println(
                        "slawatch demo: port "
                                + port[0]
                                + " is in use; choose another with "
                                + (port[1] == 0 ? "--ui-port" : "--elasticsearch-port"));
                err.flush();
                return 1;
            }
        }
        SlaPolicy loaded = Inputs.policy(policy, err);
        if (loaded == null) {
            return 1;
        }
        NotifyConfig receivers = notify == null ? null : Inputs.notifyConfig(notify, err);
        if (notify != null && receivers == null) {
            return 1;
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onCtrlC =
                new Thread(
                        () -> {
                            stop.set(true);
                            try {
                                stopped.await(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "slawatch-demo-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        Path root = Path.of(System.getProperty("slawatch.root", "."));
        out.println("slawatch demo: starting Kafka and Elasticsearch…");
        out.flush();
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
                EmbeddedElasticsearch elasticsearch =
                        EmbeddedElasticsearch.start(
                                EmbeddedElasticsearch.distribution(root), elasticsearchPort)) {
            out.println(
                    "slawatch demo: Kafka "
                            + kafka.bootstrapServers()
                            + ", Elasticsearch "
                            + elasticsearch.url());
            out.println(
                    "slawatch demo: Grafana 11+: SLAWATCH_ELASTICSEARCH_URL="
                            + elasticsearch.url().replace("127.0.0.1", "<this host>"));
            out.println("  with dashboards/ mounted as deploy/compose does (see the README)");
            new Demo(
                            new Demo.Settings(
                                    policy,
                                    loaded,
                                    speed,
                                    minutes == null
                                            ? null
                                            : Duration.ofMillis((long) (minutes * 60_000)),
                                    seed,
                                    ticketsPerHour,
                                    uiPort,
                                    "",
                                    receivers),
                            kafka.bootstrapServers(),
                            elasticsearch.url(),
                            out,
                            System.console() != null,
                            stop)
                    .run();
            out.println("slawatch demo: stopped; nothing left running");
            out.flush();
        } finally {
            // On Ctrl-C the JVM exits as soon as the hook returns: only now is all closed.
            stopped.countDown();
            if (!stop.get()) {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            }
        }
        return 0;
    }
}

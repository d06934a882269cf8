package io.slawatch.cli;

import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.time.WallClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slawatch run}: the live job on a local MiniCluster against an existing Kafka. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        defaultValueProvider = JobOptionsDefaults.class,
        description = {
            "Run the live job on a local Flink MiniCluster against an existing Kafka: ticket"
                    + " events in, alerts, outcomes and quarantine out. Stops on Ctrl-C.",
            "The shaded jobs jar takes the same options for `flink run` on a cluster."
        })
final class RunCommand implements Callable<Integer> {

    private final JobOptions.Builder options = new JobOptions.Builder();

    @Spec CommandSpec spec;

    @Option(
            names = "--bootstrap-servers",
            required = true,
            paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers.")
    void bootstrapServers(String value) {
        options.bootstrapServers = value;
    }

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "SLA policy.")
    void policy(Path value) {
        options.policyFile = value;
    }

    @Option(
            names = "--kafka-properties",
            paramLabel = "FILE",
            description = "Kafka client properties (SASL, TLS, …); values are never printed.")
    Path kafkaProperties;

    @Mixin ElasticsearchConnection elasticsearch;

    @Option(
            names = "--events-topic",
            paramLabel = "TOPIC",
            description = "Default: ${DEFAULT-VALUE}.")
    void eventsTopic(String value) {
        options.eventsTopic = value;
    }

    @Option(
            names = "--alerts-topic",
            paramLabel = "TOPIC",
            description = "Default: ${DEFAULT-VALUE}.")
    void alertsTopic(String value) {
        options.alertsTopic = value;
    }

    @Option(
            names = "--outcomes-topic",
            paramLabel = "TOPIC",
            description = "Default: ${DEFAULT-VALUE}.")
    void outcomesTopic(String value) {
        options.outcomesTopic = value;
    }

    @Option(
            names = "--quarantine-topic",
            paramLabel = "TOPIC",
            description = "Default: ${DEFAULT-VALUE}.")
    void quarantineTopic(String value) {
        options.quarantineTopic = value;
    }

    @Option(names = "--group-id", paramLabel = "ID", description = "Default: ${DEFAULT-VALUE}.")
    void groupId(String value) {
        options.groupId = value;
    }

    @Option(
            names = "--starting-offsets",
            paramLabel = "WHERE",
            description =
                    "COMMITTED (earliest when none), EARLIEST or LATEST. Default: ${DEFAULT-VALUE}.")
    void startingOffsets(JobOptions.StartingOffsets value) {
        options.startingOffsets = value;
    }

    @Option(
            names = "--delivery",
            paramLabel = "GUARANTEE",
            description = {
                "AT_LEAST_ONCE: an alert is sent the moment it fires; after a recovery a repeat has the same alertId and identical content.",
                "EXACTLY_ONCE: Kafka transactions; read_committed consumers see alerts when a checkpoint completes, so their latency includes the checkpoint interval.",
                "Default: ${DEFAULT-VALUE}."
            })
    void delivery(JobOptions.Delivery value) {
        options.delivery = value;
    }

    @Option(names = "--create-topics", description = "Create the four topics if they are absent.")
    void createTopics(boolean value) {
        options.createTopics = value;
    }

    @Option(
            names = "--out-of-orderness",
            paramLabel = "DURATION",
            description =
                    "How late an event may come and still count as in order. Default: ${DEFAULT-VALUE}.")
    void outOfOrderness(Duration value) {
        options.outOfOrderness = value;
    }

    @Option(
            names = "--idle-timeout",
            paramLabel = "DURATION",
            description =
                    "Quiet time after which event time follows the wall clock. Default: ${DEFAULT-VALUE}.")
    void idleTimeout(Duration value) {
        options.idleTimeout = value;
    }

    @Option(
            names = "--future-skew",
            paramLabel = "DURATION",
            description =
                    "Events further ahead of the clock are quarantined. Default: ${DEFAULT-VALUE}.")
    void futureSkew(Duration value) {
        options.futureSkew = value;
    }

    @Option(
            names = "--max-event-bytes",
            paramLabel = "N",
            description = "Larger events are quarantined. Default: ${DEFAULT-VALUE}.")
    void maxEventBytes(int value) {
        options.maxEventBytes = value;
    }

    @Option(
            names = "--checkpoint-interval",
            paramLabel = "DURATION",
            description = "Default: ${DEFAULT-VALUE}.")
    void checkpointInterval(Duration value) {
        options.checkpointInterval = value;
    }

    @Option(
            names = "--checkpoint-dir",
            paramLabel = "URI",
            description = "Where checkpoints go, e.g. file:///var/lib/slawatch/checkpoints")
    void checkpointDirectory(String value) {
        options.checkpointDirectory = value;
    }

    @Option(
            names = "--state-backend",
            paramLabel = "BACKEND",
            description = "HASHMAP or ROCKSDB. Default: ${DEFAULT-VALUE}.")
    void stateBackend(JobOptions.StateBackend value) {
        options.stateBackend = value;
    }

    @Option(names = "--parallelism", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    void parallelism(int value) {
        options.parallelism = value;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JobOptions job;
        try {
            if (kafkaProperties != null) {
                options.kafkaProperties = JobOptions.loadKafkaProperties(kafkaProperties);
            }
            elasticsearch.applyTo(options);
            job = options.build();
        } catch (IllegalArgumentException | IOException e) {
            err.println("slawatch run: " + e.getMessage());
            err.flush();
            return 1;
        }
        SlaPolicy policy = Inputs.policy(job.policyFile(), err);
        if (policy == null) {
            return 1;
        }
        LiveJob.prepare(job).forEach(out::println);
        out.println("slawatch run: " + job);
        out.flush();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(LiveJob.configuration(job));
        LiveJob.build(env, job, policy, WallClock.SYSTEM);
        env.execute("slawatch");
        return 0;
    }
}

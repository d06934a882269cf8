package io.slawatch.cli;

import io.slawatch.IndexerJob;
import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.LiveJobOptions;
import io.slawatch.LocalCluster;
import io.slawatch.NotifierJob;
import io.slawatch.notify.NotifyConfig;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.time.WallClock;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code slawatch run}: the detection job, with {@code --elasticsearch} the indexer beside it and
 * with {@code --notify} the notifier, on one local MiniCluster against an existing Kafka.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        modelTransformer = JobOptionSpecs.All.class,
        description = {
            "Run the live detection job on a local Flink MiniCluster against an existing Kafka:"
                    + " ticket events in; alerts, outcomes, clock views, statistics and quarantine"
                    + " out. With --elasticsearch, the indexer job runs beside it and feeds"
                    + " Elasticsearch from those topics; with --notify, the notifier job delivers"
                    + " the alerts to Alertmanager, webhooks and PagerDuty. Stops on Ctrl-C.",
            "The shaded jobs jar takes the same options for `flink run` on a cluster (the indexer:"
                    + " `flink run -c io.slawatch.IndexerJob`; the notifier: `flink run -c"
                    + " io.slawatch.NotifierJob`)."
        })
final class RunCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JobOptions job = JobOptionSpecs.parse(spec, JobOptions.Job.DETECTION);
        if (job == null) {
            return 1;
        }
        SlaPolicy policy = Inputs.policy(job.policyFile(), err);
        if (policy == null) {
            return 1;
        }
        NotifyConfig notify = job.notifyFile().isEmpty() ? null : Inputs.notifyConfig(job, err);
        if (job.notifyFile().isPresent() && notify == null) {
            return 1;
        }
        LiveJob.prepare(job).forEach(out::println);
        out.println("slawatch run: " + job);
        out.flush();
        Configuration config = LiveJob.configuration(job);
        int parallelism = job.get(LiveJobOptions.PARALLELISM);
        try (LocalCluster cluster = LocalCluster.start(config, 3 * parallelism)) {
            StreamExecutionEnvironment detection = cluster.environment(config);
            LiveJob.build(detection, job, policy, WallClock.SYSTEM);
            JobClient running = detection.executeAsync(LiveJob.JOB_NAME);
            if (job.elasticsearch().isPresent()) {
                StreamExecutionEnvironment indexer = cluster.environment(config);
                IndexerJob.build(indexer, job);
                indexer.executeAsync(IndexerJob.JOB_NAME);
                out.println("slawatch run: the indexer job feeds " + job.elasticsearch().get());
                out.flush();
            }
            if (notify != null) {
                StreamExecutionEnvironment notifier = cluster.environment(config);
                NotifierJob.build(notifier, job, notify);
                notifier.executeAsync(NotifierJob.JOB_NAME);
                out.println(
                        "slawatch run: the notifier job delivers alerts to "
                                + notify.receivers().size()
                                + " receiver(s) of "
                                + notify.file());
                out.flush();
            }
            running.getJobExecutionResult().get();
        }
        return 0;
    }
}

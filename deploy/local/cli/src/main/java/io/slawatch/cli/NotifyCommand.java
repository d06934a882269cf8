package io.slawatch.cli;

import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.LiveJobOptions;
import io.slawatch.LocalCluster;
import io.slawatch.NotifierJob;
import io.slawatch.notify.NotifyConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slawatch notify}: the notifier job alone on a local MiniCluster; {@code check} a file. */
@Command(
        name = "notify",
        mixinStandardHelpOptions = true,
        modelTransformer = JobOptionSpecs.Notifier.class,
        subcommands = {NotifyCheckCommand.class},
        description = {
            "Run the notifier job alone on a local Flink MiniCluster: alerts from the alerts topic"
                    + " to Alertmanager, signed webhooks and PagerDuty, as the notification file"
                    + " routes them. Stops on Ctrl-C. `notify check FILE` validates a file.",
            "On a cluster: `flink run -c io.slawatch.NotifierJob` with the shaded jobs jar and"
                    + " the same options."
        })
final class NotifyCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JobOptions job = JobOptionSpecs.parse(spec, JobOptions.Job.NOTIFIER);
        if (job == null) {
            return 1;
        }
        NotifyConfig config = Inputs.notifyConfig(job, err);
        if (config == null) {
            return 1;
        }
        LiveJob.prepare(job).forEach(out::println);
        out.println("slawatch notify: " + job);
        out.flush();
        Configuration flink = LiveJob.configuration(job);
        try (LocalCluster cluster =
                LocalCluster.start(flink, job.get(LiveJobOptions.PARALLELISM))) {
            StreamExecutionEnvironment env = cluster.environment(flink);
            NotifierJob.build(env, job, config);
            env.executeAsync(NotifierJob.JOB_NAME).getJobExecutionResult().get();
        }
        return 0;
    }
}

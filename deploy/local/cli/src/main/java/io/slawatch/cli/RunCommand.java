package io.slawatch.cli;

import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.time.WallClock;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slawatch run}: the live job on a local MiniCluster against an existing Kafka. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        modelTransformer = JobOptionSpecs.All.class,
        description = {
            "Run the live job on a local Flink MiniCluster against an existing Kafka: ticket"
                    + " events in, alerts, outcomes and quarantine out. Stops on Ctrl-C.",
            "The shaded jobs jar takes the same options for `flink run` on a cluster."
        })
final class RunCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JobOptions job;
        try {
            job = JobOptions.parse(JobOptionSpecs.given(spec.commandLine().getParseResult()));
        } catch (IllegalArgumentException e) {
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

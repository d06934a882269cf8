package io.slawatch.cli;

import io.slawatch.IndexerJob;
import io.slawatch.JobClients;
import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.LiveJobOptions;
import io.slawatch.LocalCluster;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slawatch index}: the indexer job alone on a local MiniCluster. */
@Command(
        name = "index",
        mixinStandardHelpOptions = true,
        modelTransformer = JobOptionSpecs.Indexer.class,
        description = {
            "Run the indexer job alone on a local Flink MiniCluster: alerts, clock views and"
                    + " statistics from the detection job's topics into Elasticsearch, resuming"
                    + " from the offsets its group committed. Stops on Ctrl-C.",
            "On a cluster: `flink run -c io.slawatch.IndexerJob` with the shaded jobs jar and"
                    + " the same options."
        })
final class IndexCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        JobOptions job = JobOptionSpecs.parse(spec, JobOptions.Job.INDEXER);
        if (job == null) {
            return 1;
        }
        LiveJob.prepare(job).forEach(out::println);
        out.println("slawatch index: " + job);
        out.flush();
        Configuration config = LiveJob.configuration(job);
        try (LocalCluster cluster =
                LocalCluster.start(config, job.get(LiveJobOptions.PARALLELISM))) {
            StreamExecutionEnvironment env = cluster.environment(config);
            IndexerJob.build(env, job);
            JobClient indexer = env.executeAsync(IndexerJob.JOB_NAME);
            JobClients.awaitRunning(indexer);
            out.println(IndexerJob.RUNNING_LINE);
            out.flush();
            indexer.getJobExecutionResult().get();
        }
        return 0;
    }
}

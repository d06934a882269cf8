package io.slawatch.cli;

import io.slawatch.bench.BenchReport;
import io.slawatch.policy.SlaPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slawatch bench}: the performance figures, measured side by side in one run. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure, in one run: the decoding ceiling, detection throughput (parallelism 1 and 2,"
                    + " heap and RocksDB), end to end through Kafka and Elasticsearch, detection"
                    + " latency, state per open ticket and replay throughput; print a table and"
                    + " write it into docs/BENCHMARKS.md with the machine and the command."
        })
final class BenchCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--quick", description = "Smaller inputs: about 2 minutes instead of 10.")
    boolean quick;

    @Option(
            names = "--only",
            paramLabel = "MEASURE",
            split = ",",
            converter = MeasureConverter.class,
            completionCandidates = MeasureConverter.Names.class,
            description =
                    "Run only these measurements (${COMPLETION-CANDIDATES}), comma-separated; the"
                            + " figures are printed, the report is left as it is.")
    List<BenchReport.Measure> only;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            defaultValue = "deploy/policies/default.yaml",
            description = "Default: ${DEFAULT-VALUE}.")
    Path policy;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            defaultValue = "docs/BENCHMARKS.md",
            description =
                    "Where the figures are written (between its figure markers). Default: ${DEFAULT-VALUE}.")
    Path report;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SlaPolicy loaded = Inputs.policy(policy, spec.commandLine().getErr());
        if (loaded == null) {
            return 1;
        }
        String command = "./slawatch bench" + (quick ? " --quick" : "");
        BenchReport.run(
                loaded,
                policy,
                Path.of(System.getProperty("slawatch.root", ".")),
                quick,
                only == null || only.isEmpty()
                        ? EnumSet.allOf(BenchReport.Measure.class)
                        : EnumSet.copyOf(only),
                command,
                report,
                out);
        return 0;
    }
}

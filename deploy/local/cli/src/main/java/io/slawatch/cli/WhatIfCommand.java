package io.slawatch.cli;

import io.slawatch.imports.LogFormat;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.report.ComparisonTables;
import io.slawatch.report.PolicyComparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slawatch whatif}: the same events under two policies, side by side. */
@Command(
        name = "whatif",
        mixinStandardHelpOptions = true,
        description = {
            "Run the same detection (and consequences, when a policy has them) over the same"
                    + " events under two policies, as replay does, and print side by side per"
                    + " clock, channel and priority: met rate, breaches, escalations; with"
                    + " consequences, points lost and compensation by tier; then the clocks whose"
                    + " verdict changes, the largest change first, each with its reason."
        })
final class WhatIfCommand implements Callable<Integer> {

    /** Changes printed; --out writes them all. */
    static final int CHANGES_SHOWN = 20;

    @Spec CommandSpec spec;

    @Option(
            names = "--input",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            description = "Ticket events (JSON lines), or one log of --format.")
    List<Path> inputs;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "jsonl",
            converter = LogFormatConverter.class,
            description = "jsonl, servicenow-csv or helpdesk-csv. Default: ${DEFAULT-VALUE}.")
    LogFormat format;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "Time zone of a log's local timestamps (default: the format's).")
    ZoneId zone;

    @Option(
            names = "--policy",
            required = true,
            arity = "1",
            paramLabel = "FILE",
            description = "Give it twice: policy A, then policy B.")
    List<Path> policies;

    @Option(
            names = "--reviews",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Reviews for the consequences, as for replay (default: none).")
    List<Path> reviews = List.of();

    @Option(names = "--out", paramLabel = "DIR", description = "Write the tables as CSV here.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (policies.size() != 2) {
            err.println("give --policy twice (A, then B), not " + policies.size() + " time(s)");
            err.flush();
            return 1;
        }
        SlaPolicy a = Inputs.policy(policies.get(0), err);
        SlaPolicy b = Inputs.policy(policies.get(1), err);
        if (a == null
                || b == null
                || !Inputs.readable(inputs, err)
                || !Inputs.readable(reviews, err)) {
            return 1;
        }
        try (ReplayInputs replayed = ReplayInputs.of(inputs, format, zone, stdout)) {
            PolicyComparison comparison =
                    PolicyComparison.of(
                            a,
                            ReplayedData.of(
                                    replayed.events(),
                                    a,
                                    a.consequences() != null,
                                    reviews,
                                    "whatif",
                                    err),
                            b,
                            ReplayedData.of(
                                    replayed.events(),
                                    b,
                                    b.consequences() != null,
                                    reviews,
                                    "whatif",
                                    err));
            stdout.print(ComparisonTables.text(comparison, CHANGES_SHOWN));
            if (out != null) {
                ComparisonTables.write(comparison, out);
                stdout.println("wrote the tables into " + out);
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            stdout.flush();
            err.flush();
        }
        return 0;
    }
}

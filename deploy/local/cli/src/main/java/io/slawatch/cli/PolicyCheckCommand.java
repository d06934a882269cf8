package io.slawatch.cli;

import io.slawatch.policy.PolicyException;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.policy.SlaPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slawatch policy check FILE…}: validate policies and summarise them. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Validate SLA policy files. A good file prints a summary (exit 0); a bad one prints"
                    + " every problem as file:line:column: reason (fix: …) (exit 1)."
        })
final class PolicyCheckCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy files (YAML).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allGood = true;
        for (Path file : files) {
            try {
                SlaPolicy policy = PolicyLoader.load(file);
                out.print(PolicySummary.of(file.toString(), policy));
            } catch (PolicyException e) {
                allGood = false;
                Inputs.checked(err, file, e);
            }
            out.flush();
            err.flush();
        }
        return allGood ? 0 : 1;
    }
}

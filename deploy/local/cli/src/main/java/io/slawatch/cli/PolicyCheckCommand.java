package io.slawatch.cli;

import io.slawatch.policy.PolicyLoader;
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
        return Inputs.checkEach(
                files,
                PolicyLoader::load,
                (file, policy) -> PolicySummary.of(file.toString(), policy),
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}

package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.slawatch.JobOptions;
import io.slawatch.LiveJobOptions;
import io.slawatch.OptionDefinition;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code slawatch run} takes exactly the shaded jar's options, parsed by the same code. */
class RunCommandTest {

    static final String[] BAD = {
        "--policy", "missing.yaml", "--delivery", "twice", "--restart-delay", "soon"
    };

    @Test
    void shouldOfferExactlyTheLiveJobsOptions() {
        CommandLine run =
                SlawatchCli.commandLine(new ByteArrayInputStream(new byte[0]))
                        .getSubcommands()
                        .get("run");

        List<String> offered =
                run.getCommandSpec().options().stream()
                        .map(OptionSpec::longestName)
                        .filter(name -> !name.equals("--help") && !name.equals("--version"))
                        .map(name -> name.substring(2))
                        .toList();

        assertThat(offered)
                .containsExactlyElementsOf(
                        LiveJobOptions.all().stream().map(OptionDefinition::name).toList());
    }

    @Test
    void shouldShowEachOptionWithItsDefaultInHelp() {
        CliRun help = CliRun.run("", "run", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains(
                        "--transactional-id-prefix=PREFIX",
                        "Default: " + LiveJobOptions.TRANSACTIONAL_ID_PREFIX.defaultValue(),
                        "--restart-attempts=N",
                        "Default: " + LiveJobOptions.RESTART_ATTEMPTS.defaultValue(),
                        "--restart-delay=DURATION",
                        "Default: " + LiveJobOptions.RESTART_DELAY.defaultValue(),
                        "--bootstrap-servers=HOST:PORT");
    }

    @Test
    void shouldRefuseBadOptionsWithTheShadedJarsMessage() {
        String[] args = new String[BAD.length + 1];
        args[0] = "run";
        System.arraycopy(BAD, 0, args, 1, BAD.length);

        CliRun run = CliRun.run("", args);

        String jar =
                catchThrowableOfType(IllegalArgumentException.class, () -> JobOptions.parse(BAD))
                        .getMessage();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("slawatch run: " + jar + System.lineSeparator());
    }
}

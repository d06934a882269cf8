package io.slawatch.cli;

import picocli.CommandLine.Command;

/** {@code slawatch policy …}: work with SLA policy files. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Work with SLA policy files.",
        subcommands = {PolicyCheckCommand.class})
final class PolicyCommand {}

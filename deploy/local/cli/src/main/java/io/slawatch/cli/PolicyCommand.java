package io.slawatch.cli;

import picocli.CommandLine.Command;

/** {@code slawatch policy …}: work with SLA policy files. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Check SLA policy files, and publish them as versions while jobs run.",
        subcommands = {PolicyCheckCommand.class, PolicyPublishCommand.class})
final class PolicyCommand {}

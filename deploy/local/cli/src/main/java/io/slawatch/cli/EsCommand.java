package io.slawatch.cli;

import picocli.CommandLine.Command;

/** {@code slawatch es …}: slawatch's side of an Elasticsearch cluster. */
@Command(
        name = "es",
        mixinStandardHelpOptions = true,
        description = "Prepare an Elasticsearch cluster for slawatch.",
        subcommands = {EsInitCommand.class})
final class EsCommand {}

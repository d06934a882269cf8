package io.slawatch.cli;

import io.slawatch.JobOptions;
import io.slawatch.LiveJobOptions;
import io.slawatch.OptionDefinition;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The live job's options ({@link LiveJobOptions}) as picocli options: name, value label and help
 * text come from their one definition, and values reach {@code JobOptions} as the texts typed, so
 * {@code slawatch run} parses and validates exactly as the shaded jar does.
 */
final class JobOptionSpecs {

    private JobOptionSpecs() {}

    /** Every live-job option, for {@code slawatch run}. */
    static final class All implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return add(command, LiveJobOptions.all(), JobOptions.Job.DETECTION);
        }
    }

    /** The indexer's options, for {@code slawatch index}. */
    static final class Indexer implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return add(command, LiveJobOptions.indexer(), JobOptions.Job.INDEXER);
        }
    }

    /** How to reach Elasticsearch, for {@code slawatch es init}. */
    static final class Notifier implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return add(command, LiveJobOptions.notifier(), JobOptions.Job.NOTIFIER);
        }
    }

    /** Where the reviews topic is, for {@code slawatch review}. */
    static final class Review implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return add(command, LiveJobOptions.review(), JobOptions.Job.REVIEW);
        }
    }

    static final class Elasticsearch implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return add(command, LiveJobOptions.elasticsearch(), JobOptions.Job.INDEXER);
        }
    }

    /**
     * The options given to {@code spec}'s command for {@code job}, or null when they are bad, with
     * every reason written to the command's error stream.
     */
    static JobOptions parse(CommandSpec spec, JobOptions.Job job) {
        try {
            return JobOptions.parse(given(spec.commandLine().getParseResult()), job);
        } catch (IllegalArgumentException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("slawatch " + spec.name() + ": " + e.getMessage());
            err.flush();
            return null;
        }
    }

    /** The texts of the live-job options given on the command line, by name. */
    static Map<String, String> given(ParseResult parsed) {
        Map<String, String> given = new LinkedHashMap<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            String name = option.longestName().substring(2);
            if (LiveJobOptions.named(name).isPresent()) {
                given.put(name, option.getValue());
            }
        }
        return given;
    }

    private static CommandSpec add(
            CommandSpec command, List<OptionDefinition<?>> definitions, JobOptions.Job job) {
        for (OptionDefinition<?> definition : definitions) {
            OptionSpec.Builder option =
                    OptionSpec.builder("--" + definition.name())
                            .type(String.class)
                            .description(help(definition, job).replace("%", "%%"));
            if (definition.isFlag()) {
                option.arity("0..1").fallbackValue("true").paramLabel("true|false");
            } else {
                option.arity("1").paramLabel(definition.valueLabel());
            }
            command.addOption(option.build());
        }
        return command;
    }

    private static String help(OptionDefinition<?> definition, JobOptions.Job job) {
        return definition.description()
                + (job.requires(definition) ? " Required." : "")
                + definition.defaultText().map(text -> " Default: " + text + ".").orElse("");
    }
}

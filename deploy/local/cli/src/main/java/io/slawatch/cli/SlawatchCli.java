package io.slawatch.cli;

import java.io.InputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code slawatch} command line. */
@Command(
        name = "slawatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Real-time SLA monitor for after-sales service tickets.",
        subcommands = {
            PolicyCommand.class,
            CalendarCommand.class,
            ReplayCommand.class,
            ExplainCommand.class,
            RunCommand.class,
            IndexCommand.class,
            NotifyCommand.class,
            ImportCommand.class,
            EsCommand.class,
            ReviewCommand.class,
            LedgerCommand.class,
            ReportCommand.class,
            WhatIfCommand.class,
            SimulateCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SlawatchCli {

    public static void main(String[] args) {
        System.exit(commandLine(System.in).execute(args));
    }

    /** The command line with every subcommand, reading standard input from {@code in}. */
    public static CommandLine commandLine(InputStream in) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory =
                new CommandLine.IFactory() {
                    @Override
                    public <K> K create(Class<K> type) throws Exception {
                        if (type == CalendarCommand.class) {
                            return type.cast(new CalendarCommand(in));
                        }
                        return defaults.create(type);
                    }
                };
        return new CommandLine(new SlawatchCli(), factory);
    }
}

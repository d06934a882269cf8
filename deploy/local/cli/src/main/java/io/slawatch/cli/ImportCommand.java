package io.slawatch.cli;

import io.slawatch.imports.ImportedLog;
import io.slawatch.imports.LogFormat;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slawatch import}: a real ticket log turned into slawatch events. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Convert a ticket log into slawatch ticket events (JSON lines, in replay order), for"
                    + " inspection or for producing to Kafka. The mapping is in the README."
        })
final class ImportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            converter = LogFormatConverter.class,
            description = "servicenow-csv or helpdesk-csv.")
    LogFormat format;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description = "The log (.gz accepted).")
    Path input;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE.jsonl",
            description = "Where the events go.")
    Path out;

    @Option(
            names = "--quarantine",
            paramLabel = "OUT.jsonl",
            description = "Where rows that could not be used go.")
    Path quarantine;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description =
                    "Time zone of the log's local timestamps (default: the format's, see the README).")
    ZoneId zone;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LogFormat logFormat = format;
        if (logFormat == LogFormat.JSONL || !Inputs.readable(List.of(input), err)) {
            if (logFormat == LogFormat.JSONL) {
                err.println("jsonl needs no import: replay reads it as it is");
                err.flush();
            }
            return 1;
        }
        ImportedLog log = logFormat.read(input, zone != null ? zone : logFormat.defaultZone());
        log.writeEvents(out);
        if (quarantine != null) {
            Files.deleteIfExists(quarantine);
            log.appendQuarantined(quarantine);
        }
        stdout.println(log.describe(logFormat));
        stdout.flush();
        return 0;
    }
}

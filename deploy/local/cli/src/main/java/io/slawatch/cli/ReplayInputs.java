package io.slawatch.cli;

import io.slawatch.imports.ImportedLog;
import io.slawatch.imports.LogFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * The ticket events a command replays: JSON-lines files as given, or one real log of {@code format}
 * imported into a temporary file, deleted on close.
 *
 * @param imported the imported log, or null for JSON lines
 */
record ReplayInputs(List<Path> events, ImportedLog imported, Path temporary)
        implements AutoCloseable {

    /** The inputs; a log is imported first and described on {@code out}. */
    static ReplayInputs of(List<Path> inputs, LogFormat format, ZoneId zone, PrintWriter out)
            throws IOException {
        if (format == LogFormat.JSONL) {
            return new ReplayInputs(inputs, null, null);
        }
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(
                    "--format " + format + " reads one log file, not " + inputs.size());
        }
        ImportedLog imported =
                format.read(inputs.get(0), zone != null ? zone : format.defaultZone());
        Path events = Files.createTempFile("slawatch-imported-", ".jsonl");
        imported.writeEvents(events);
        out.println(imported.describe(format));
        out.flush();
        return new ReplayInputs(List.of(events), imported, events);
    }

    @Override
    public void close() throws IOException {
        if (temporary != null) {
            Files.deleteIfExists(temporary);
        }
    }
}

package io.slawatch.report;

import io.slawatch.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a report into a directory: index.html, report.json and a CSV file per table. */
public final class ReportFiles {

    public static final String PAGE = "index.html";
    public static final String JSON = "report.json";

    private ReportFiles() {}

    /** Writes every file; returns their names, the page first. */
    public static List<String> write(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> written = new ArrayList<>();
        Files.writeString(dir.resolve(PAGE), ReportPage.render(report), StandardCharsets.UTF_8);
        written.add(PAGE);
        Files.writeString(
                dir.resolve(JSON),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n",
                StandardCharsets.UTF_8);
        written.add(JSON);
        for (Map.Entry<String, String> table : ReportTables.of(report).entrySet()) {
            Files.writeString(
                    dir.resolve(table.getKey()), table.getValue(), StandardCharsets.UTF_8);
            written.add(table.getKey());
        }
        return written;
    }
}

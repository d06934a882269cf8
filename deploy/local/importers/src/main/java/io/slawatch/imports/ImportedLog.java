package io.slawatch.imports;

import io.slawatch.model.Priority;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.TicketEvent;
import io.slawatch.serde.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A ticket log turned into slawatch events, in replay order, with the rows that could not be used
 * and, where the log has one, each ticket's recorded SLA outcome.
 *
 * @param madeSla per ticket, the log's own verdict (true = met); empty when the log has none
 * @param finalPriority per ticket, its priority on the last row, for the agreement report
 */
public record ImportedLog(
        long rows,
        int tickets,
        List<TicketEvent> events,
        List<QuarantineRecord> quarantined,
        Map<String, Boolean> madeSla,
        Map<String, Priority> finalPriority) {

    /** Writes the events as JSON lines, in replay order. */
    public void writeEvents(Path file) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (TicketEvent event : events) {
                writer.write(Json.mapper().writeValueAsString(event));
                writer.newLine();
            }
        }
    }

    /** Appends the quarantined rows as JSON lines. */
    public void appendQuarantined(Path file) throws IOException {
        try (BufferedWriter writer =
                Files.newBufferedWriter(
                        file,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            for (QuarantineRecord record : quarantined) {
                writer.write(Json.mapper().writeValueAsString(record));
                writer.newLine();
            }
        }
    }

    /** One line for a person: what was read and what became of it. */
    public String describe(LogFormat format) {
        Map<QuarantineReason, Long> reasons =
                quarantined.stream()
                        .collect(
                                Collectors.groupingBy(
                                        QuarantineRecord::reason,
                                        () -> new EnumMap<>(QuarantineReason.class),
                                        Collectors.counting()));
        return format
                + ": "
                + rows
                + " rows, "
                + tickets
                + " tickets, "
                + events.size()
                + " events, "
                + quarantined.size()
                + " rows quarantined"
                + (reasons.isEmpty()
                        ? ""
                        : reasons.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ", " (", ")")));
    }
}

package io.slawatch.imports;

import io.slawatch.ingest.file.Lines;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.RawEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of an unquoted CSV log (both logs have no quoting), with their line numbers; a row with
 * the wrong number of fields is quarantined with its line, never dropped.
 */
final class CsvRows {

    /** One data row: its 1-based line in the file and its fields. */
    record Row(long line, String[] fields, String text) {}

    final List<Row> rows = new ArrayList<>();
    final List<QuarantineRecord> quarantined = new ArrayList<>();
    final String[] header;
    private long dataRows;

    /** Every data row of the file, usable or not. */
    long dataRows() {
        return dataRows;
    }

    private CsvRows(String[] header) {
        this.header = header;
    }

    static CsvRows read(Path file, List<String> expectedHeader) throws IOException {
        try (InputStream in = Lines.open(file)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
            byte[] first = Lines.next(in, buffer);
            String[] header = first == null ? new String[0] : text(first).split(",", -1);
            if (!List.of(header).equals(expectedHeader)) {
                throw new IOException(
                        file
                                + " does not start with the expected header: "
                                + String.join(",", expectedHeader));
            }
            CsvRows csv = new CsvRows(header);
            long line = 1;
            for (byte[] bytes = Lines.next(in, buffer);
                    bytes != null;
                    bytes = Lines.next(in, buffer)) {
                line++;
                String text = text(bytes);
                if (text.isEmpty()) {
                    continue;
                }
                csv.dataRows++;
                String[] fields = text.split(",", -1);
                if (fields.length != header.length) {
                    csv.quarantine(
                            file,
                            line,
                            text,
                            QuarantineReason.BAD_VALUE,
                            fields.length + " fields, the header has " + header.length,
                            fields.length > 0 ? fields[0] : null);
                    continue;
                }
                csv.rows.add(new Row(line, fields, text));
            }
            return csv;
        }
    }

    void quarantine(
            Path file,
            long line,
            String text,
            QuarantineReason reason,
            String detail,
            String ticketId) {
        quarantined.add(
                QuarantineRecord.ofInput(
                        new RawEvent(
                                file.toString(),
                                RawEvent.FILE,
                                line,
                                text.getBytes(StandardCharsets.UTF_8)),
                        text,
                        reason,
                        detail,
                        Instant.now(),
                        ticketId,
                        null));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

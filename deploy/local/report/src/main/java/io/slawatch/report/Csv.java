package io.slawatch.report;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 text: a header row, then one row per record; an absent value is an empty field. */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    Csv(List<String> header) {
        row(header.toArray());
    }

    Csv row(Object... values) {
        text.append(
                        java.util.Arrays.stream(values)
                                .map(Csv::field)
                                .collect(Collectors.joining(",")))
                .append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}

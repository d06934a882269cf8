package io.slawatch.cli;

import io.slawatch.imports.LogFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --format} by the names users type (jsonl, servicenow-csv, helpdesk-csv). */
final class LogFormatConverter implements ITypeConverter<LogFormat> {

    @Override
    public LogFormat convert(String value) {
        try {
            return LogFormat.fromCli(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}

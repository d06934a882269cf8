package io.slawatch.cli;

import io.slawatch.bench.BenchReport.Measure;
import java.util.ArrayList;
import java.util.Arrays;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code bench --only} by the names users type (end-to-end, latency, …). */
final class MeasureConverter implements ITypeConverter<Measure> {

    /** The names, for the option's help. */
    static final class Names extends ArrayList<String> {
        Names() {
            super(Arrays.stream(Measure.values()).map(Measure::optionName).toList());
        }
    }

    @Override
    public Measure convert(String value) {
        return Arrays.stream(Measure.values())
                .filter(measure -> measure.optionName().equals(value))
                .findFirst()
                .orElseThrow(
                        () ->
                                new TypeConversionException(
                                        "unknown measurement '"
                                                + value
                                                + "'; use one of "
                                                + String.join(", ", new Names())));
    }
}

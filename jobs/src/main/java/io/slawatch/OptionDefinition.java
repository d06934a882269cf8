package io.slawatch;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.description.BlockElement;
import org.apache.flink.configuration.description.TextElement;

/**
 * One option, with what help shows for its value ({@code valueLabel}; none for a flag) and whether
 * the job cannot start without it.
 */
public record OptionDefinition<T>(
        ConfigOption<T> option, Class<T> type, String valueLabel, boolean required) {

    public String name() {
        return option.key();
    }

    /** The description as plain text. */
    public String description() {
        StringBuilder text = new StringBuilder();
        for (BlockElement block : option.description().getBlocks()) {
            if (block instanceof TextElement element) {
                text.append(element.getFormat());
            }
        }
        return text.toString();
    }

    /** The default as a command line writes it; empty when the option has none. */
    public Optional<String> defaultText() {
        return option.hasDefaultValue()
                ? Optional.of(LiveJobOptions.format(option.defaultValue()))
                : Optional.empty();
    }

    public boolean isFlag() {
        return type == Boolean.class;
    }

    /**
     * Sets the option in {@code given} from its command-line text, or adds to {@code errors} why
     * the text is not a value of its type.
     */
    void parseInto(String text, Configuration given, List<String> errors) {
        try {
            given.set(option, convert(text));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add("--" + name() + " '" + text + "' " + expected());
        }
    }

    private T convert(String text) {
        Object value;
        if (type == String.class) {
            value = text;
        } else if (type == Duration.class) {
            value = Duration.parse(text);
        } else if (type == Integer.class) {
            value = Integer.parseInt(text);
        } else if (type == Boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException(text);
            }
            value = Boolean.parseBoolean(text);
        } else if (type.isEnum()) {
            value = enumConstant(text);
        } else {
            throw new IllegalStateException("no conversion for " + type);
        }
        return type.cast(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object enumConstant(String text) {
        return Enum.valueOf(
                (Class<? extends Enum>) type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private String expected() {
        if (type == Duration.class) {
            return "is not an ISO-8601 duration such as PT2S";
        } else if (type == Integer.class) {
            return "is not a whole number";
        } else if (type == Boolean.class) {
            return "must be true or false";
        } else {
            List<String> choices = new ArrayList<>();
            for (T constant : type.getEnumConstants()) {
                choices.add(
                        LiveJobOptions.format(constant).toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            return "is not one of " + String.join(", ", choices);
        }
    }
}

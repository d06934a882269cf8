package io.slawatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.policy.CalendarLoader;
import io.slawatch.policy.PolicyException;
import io.slawatch.serde.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slawatch calendar --calendar FILE}: business-time arithmetic over JSON lines. */
@Command(
        name = "calendar",
        mixinStandardHelpOptions = true,
        description = {
            "Business-time arithmetic on a calendar: JSON lines in, JSON lines out.",
            "Each input line is answered by one output line, in order:",
            "  {\"op\":\"add\",\"start\":\"<instant>\",\"duration\":\"PT4H\"} -> {\"result\":\"<instant"
                    + " in the calendar's zone>\"}",
            "  {\"op\":\"between\",\"start\":\"…\",\"end\":\"…\"} -> {\"result\":\"PT…\",\"seconds\":N}",
            "  {\"op\":\"nextOpen\",\"at\":\"…\"} -> {\"result\":\"<instant>\"}",
            "A bad line is answered with {\"error\":\"…\"} and the next line is still answered.",
            "Instants are ISO-8601 with an offset, e.g. 2026-11-23T09:00:00+08:00."
        })
final class CalendarCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = Json.mapper();

    private final InputStream in;

    @Spec CommandSpec spec;

    @Option(
            names = "--calendar",
            required = true,
            paramLabel = "FILE",
            description = "Calendar file (YAML), as in a policy's calendars section.")
    Path calendarFile;

    CalendarCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        BusinessCalendar calendar;
        try {
            calendar = CalendarLoader.load(calendarFile);
        } catch (PolicyException e) {
            PrintWriter err = spec.commandLine().getErr();
            e.problems().forEach(err::println);
            err.flush();
            return 1;
        }
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            out.println(JSON.writeValueAsString(answer(calendar, line)));
            out.flush();
        }
        return 0;
    }

    static ObjectNode answer(BusinessCalendar calendar, String line) {
        ObjectNode answer = JSON.createObjectNode();
        try {
            JsonNode request = JSON.readTree(line);
            String op = text(request, "op");
            switch (op) {
                case "add" -> {
                    Instant start = instant(request, "start");
                    Duration duration = duration(request, "duration");
                    answer.put("result", format(calendar, calendar.add(start, duration)));
                }
                case "between" -> {
                    Duration between =
                            calendar.between(instant(request, "start"), instant(request, "end"));
                    answer.put("result", between.toString());
                    answer.put("seconds", between.getSeconds());
                }
                case "nextOpen" ->
                        answer.put(
                                "result",
                                format(calendar, calendar.nextOpen(instant(request, "at"))));
                default ->
                        throw new IllegalArgumentException(
                                "unknown op '" + op + "': use add, between or nextOpen");
            }
        } catch (JsonProcessingException e) {
            answer.put("error", "not a JSON object: " + e.getOriginalMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            answer.put("error", e.getMessage());
        }
        return answer;
    }

    private static String format(BusinessCalendar calendar, Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(calendar.zone()));
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing text field '" + field + "'");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode request, String field) {
        String text = text(request, field);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + field + "' is not an ISO-8601 instant with offset: " + text);
        }
    }

    private static Duration duration(JsonNode request, String field) {
        String text = text(request, field);
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("'" + field + "' is negative: " + text);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + field + "' is not an ISO-8601 duration such as PT4H: " + text);
        }
    }
}

package io.slawatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the values of a {@link LocatedYaml} and collects every rule they break, so that one run
 * reports all problems of a file instead of the first.
 */
public final class Fields {

    private final LocatedYaml doc;
    private final List<Problem> problems = new ArrayList<>();

    public Fields(LocatedYaml doc) {
        this.doc = doc;
    }

    public LocatedYaml doc() {
        return doc;
    }

    public List<Problem> problems() {
        return problems;
    }

    public void fail(String pointer, String reason, String fix) {
        problems.add(doc.problem(pointer, reason, fix));
    }

    /** True when {@code node} is a mapping whose keys are all in {@code allowed}. */
    public boolean mapping(String pointer, JsonNode node, String what, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            fail(
                    pointer,
                    what + " must be a mapping of keys to values",
                    "write it as 'key: value' lines");
            return false;
        }
        boolean ok = true;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String nearest = nearest(name, allowed);
                fail(
                        LocatedYaml.child(pointer, name),
                        "unknown key '" + name + "' in " + what,
                        (nearest == null ? "" : "did you mean '" + nearest + "'? ")
                                + "valid keys: "
                                + String.join(", ", allowed.stream().sorted().toList()));
                ok = false;
            }
        }
        return ok;
    }

    /** The text of {@code parent.name}, or null (reported when {@code required}). */
    public String text(
            String pointer, JsonNode parent, String name, boolean required, String example) {
        JsonNode node = parent.get(name);
        String at = LocatedYaml.child(pointer, name);
        if (node == null || node.isNull()) {
            if (required) {
                fail(pointer, "missing '" + name + "'", "add '" + name + ": " + example + "'");
            }
            return null;
        }
        if (!node.isValueNode()) {
            fail(
                    at,
                    "'" + name + "' must be a single value",
                    "write e.g. '" + name + ": " + example + "'");
            return null;
        }
        return node.asText();
    }

    /** The elements of a sequence; a single value counts as a one-element sequence. */
    public List<JsonNode> sequence(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        return items;
    }

    /** Parses {@code text} or reports why not; returns null on failure. */
    public <T> T parse(
            String pointer, String text, Function<String, T> parser, String what, String fix) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            // A parse exception only repeats the text; other messages say what is wrong with it.
            String detail =
                    e instanceof DateTimeParseException || e.getMessage() == null
                            ? ""
                            : ": " + e.getMessage();
            fail(pointer, "'" + text + "' is not " + what + detail, fix);
            return null;
        }
    }

    public Duration positiveDuration(String pointer, String text) {
        Duration duration =
                parse(
                        pointer,
                        text,
                        Duration::parse,
                        "an ISO-8601 duration",
                        "write e.g. PT30S, PT4H or P2D");
        if (duration == null) {
            return null;
        }
        if (duration.isNegative() || duration.isZero()) {
            fail(
                    pointer,
                    "the duration " + text + " must be positive",
                    "use a duration above zero, e.g. PT30M");
            return null;
        }
        if (duration.getNano() != 0) {
            fail(
                    pointer,
                    "the duration " + text + " has a fraction of a second",
                    "use whole seconds");
            return null;
        }
        return duration;
    }

    public ZoneId zone(String pointer, String text) {
        return parse(
                pointer,
                text,
                ZoneId::of,
                "a time zone",
                "use an IANA zone id such as Asia/Shanghai or Europe/Berlin");
    }

    public LocalDate date(String pointer, String text) {
        return parse(pointer, text, LocalDate::parse, "a date", "write it as YYYY-MM-DD");
    }

    public Percent percent(String pointer, String text) {
        return parse(pointer, text, Percent::parse, "a percentage", "write e.g. 75%");
    }

    public <E extends Enum<E>> E enumValue(
            String pointer, String text, Class<E> type, String what) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            unknown(pointer, "unknown " + what + " '" + text + "'", text, names, "one of");
            return null;
        }
    }

    /**
     * Reports {@code value} as not one of {@code candidates}: the fix names the nearest, then lists
     * them all after {@code listIntro} ("one of", "receivers:").
     */
    public void unknown(
            String pointer,
            String reason,
            String value,
            List<String> candidates,
            String listIntro) {
        String nearest = nearest(value, candidates);
        fail(
                pointer,
                reason,
                (nearest == null ? "" : "did you mean '" + nearest + "'? ")
                        + listIntro
                        + " "
                        + String.join(", ", candidates));
    }

    /** The candidate closest to {@code name} by edit distance, if it is close enough to help. */
    public static String nearest(String name, Iterable<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> ranked = new ArrayList<>();
        candidates.forEach(ranked::add);
        ranked.sort(Comparator.comparingInt(c -> distance(lower, c.toLowerCase(Locale.ROOT))));
        if (ranked.isEmpty()) {
            return null;
        }
        String best = ranked.get(0);
        int d = distance(lower, best.toLowerCase(Locale.ROOT));
        return d <= Math.max(2, best.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] =
                        Math.min(
                                Math.min(current[j - 1] + 1, previous[j] + 1),
                                previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

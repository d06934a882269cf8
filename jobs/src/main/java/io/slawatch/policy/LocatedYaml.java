package io.slawatch.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where every node stands, so that a rule broken deep
 * inside a policy is reported at its file, line and column.
 *
 * <p>Scalars are kept as text: YAML's guesses (dates, sexagesimal numbers) never change what a
 * policy says. Nodes are addressed by JSON Pointer; a mapping member's location is its key's.
 */
public final class LocatedYaml {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final JsonNode root;
    private final Map<String, int[]> locations;

    private LocatedYaml(String file, JsonNode root, Map<String, int[]> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    /** The text of a policy or calendar file; a file that cannot be read is a problem at 1:1. */
    public static String readFile(Path file) throws PolicyException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyException(
                    List.of(
                            new Problem(
                                    file.toString(), 1, 1, "cannot read the file: " + e, null)));
        }
    }

    /** Parses {@code text}; a syntax error or a duplicate key is reported with its position. */
    public static LocatedYaml parse(String file, String text) throws PolicyException {
        Map<String, int[]> locations = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new PolicyException(
                        List.of(
                                new Problem(
                                        file, 1, 1, "the file is empty", "write the document")));
            }
            JsonNode root = read(parser, "", locations, file, problems);
            if (!problems.isEmpty()) {
                throw new PolicyException(problems);
            }
            return new LocatedYaml(file, root, locations);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
            throw new PolicyException(
                    List.of(
                            new Problem(
                                    file,
                                    at == null ? 1 : Math.max(1, at.getLineNr()),
                                    at == null ? 1 : Math.max(1, at.getColumnNr()),
                                    "not valid YAML: " + message,
                                    "check indentation, quoting and brackets near this position")));
        } catch (IOException e) {
            throw new PolicyException(
                    List.of(new Problem(file, 1, 1, "cannot read: " + e.getMessage(), null)));
        }
    }

    private static JsonNode read(
            JsonParser parser,
            String pointer,
            Map<String, int[]> locations,
            String file,
            List<Problem> problems)
            throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        locations.putIfAbsent(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = pointer + "/" + escape(name);
                    JsonLocation keyAt = parser.currentTokenLocation();
                    if (object.has(name)) {
                        problems.add(
                                new Problem(
                                        file,
                                        keyAt.getLineNr(),
                                        keyAt.getColumnNr(),
                                        "duplicate key '" + name + "'",
                                        "keep one '" + name + "' entry"));
                    }
                    locations.put(child, new int[] {keyAt.getLineNr(), keyAt.getColumnNr()});
                    parser.nextToken();
                    object.set(name, read(parser, child, locations, file, problems));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(
                            read(parser, pointer + "/" + array.size(), locations, file, problems));
                }
                return array;
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                return NODES.textNode(parser.getText());
            }
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** A problem at the node {@code pointer}, or at its nearest ancestor that has a position. */
    public Problem problem(String pointer, String reason, String fix) {
        String at = pointer;
        while (!locations.containsKey(at) && !at.isEmpty()) {
            at = at.substring(0, at.lastIndexOf('/'));
        }
        int[] position = locations.getOrDefault(at, new int[] {1, 1});
        return new Problem(file, position[0], position[1], reason, fix);
    }

    /** Child pointer of a mapping member. */
    public static String child(String pointer, String name) {
        return pointer + "/" + escape(name);
    }
}

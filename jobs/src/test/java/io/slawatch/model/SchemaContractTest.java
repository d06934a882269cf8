package io.slawatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.slawatch.policy.CalendarLoader;
import io.slawatch.policy.PolicyException;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.serde.Json;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.sink.IndexedDocument;
import io.slawatch.testkit.Checkout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The written contracts in schemas/ and the Java model agree: valid examples pass the schema and
 * round-trip through the model; each invalid example fails for the reason its name states, as
 * {@code <keyword>.<subject>.<description>}.
 */
public class SchemaContractTest {

    static final Path ROOT = Checkout.ROOT;
    static final Path SCHEMAS = ROOT.resolve("schemas");
    static final Path EXAMPLES = SCHEMAS.resolve("examples");
    static final String SCHEMA_BASE = "https://slawatch.io/schemas/";

    /** Contracts bound to a Java record; policy and calendar are read by their loaders. */
    static final Map<String, Class<?>> MODELS =
            Map.of(
                    "ticket-event", TicketEvent.class,
                    "alert", Alert.class,
                    "clock-outcome", ClockOutcome.class,
                    "clock-view", ClockView.class,
                    "quarantine-record", QuarantineRecord.class,
                    "review", Review.class,
                    "ledger-entry", LedgerEntry.class,
                    "policy-version", PolicyVersion.class);

    static final List<String> SCHEMA_NAMES =
            List.of(
                    "ticket-event",
                    "alert",
                    "clock-outcome",
                    "clock-view",
                    "stats-record",
                    "quarantine-record",
                    "review",
                    "ledger-entry",
                    "calendar",
                    "sla-policy");

    static final Pattern DATE_TIME =
            Pattern.compile(
                    "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    static final ObjectMapper JSON = Json.mapper();
    static final ObjectMapper YAML = new YAMLMapper();
    static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V202012,
                    builder ->
                            builder.schemaMappers(
                                    mappers ->
                                            mappers.mapPrefix(
                                                    SCHEMA_BASE, SCHEMAS.toUri().toString())));
    static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static Stream<Path> validExamples() {
        return examples("valid");
    }

    static Stream<Path> invalidExamples() {
        return examples("invalid");
    }

    @Test
    void shouldHaveExamplesForEveryContract() {
        for (String name : SCHEMA_NAMES) {
            assertThat(EXAMPLES.resolve("valid").resolve(name))
                    .as(name)
                    .isDirectoryContaining(p -> true);
            assertThat(EXAMPLES.resolve("invalid").resolve(name))
                    .as(name)
                    .isDirectoryContaining(p -> true);
        }
        assertThat(
                        validExamples()
                                .filter(p -> schemaOf(p).equals("ticket-event"))
                                .map(SchemaContractTest::read)
                                .map(n -> n.get("type").asText())
                                .distinct())
                .containsExactlyInAnyOrder(
                        Stream.of(EventType.values()).map(Enum::name).toArray(String[]::new));
        assertThat(
                        validExamples()
                                .filter(p -> schemaOf(p).equals("alert"))
                                .map(SchemaContractTest::read)
                                .map(n -> n.get("kind").asText())
                                .distinct())
                .containsExactlyInAnyOrder(
                        Stream.of(AlertKind.values()).map(Enum::name).toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void shouldAcceptValidExample(Path example) throws Exception {
        JsonNode document = read(example);
        assertThat(validate(schemaOf(example), document)).isEmpty();
        Class<?> model = MODELS.get(schemaOf(example));
        if (model != null) {
            JsonNode roundTrip =
                    JSON.readTree(JSON.writeValueAsString(JSON.treeToValue(document, model)));
            assertThat(roundTrip).isEqualTo(canonical(schemaOf(example), document));
        } else {
            load(example);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void shouldRejectInvalidExampleForTheReasonItsNameStates(Path example) {
        String[] name = example.getFileName().toString().split("\\.");
        String keyword = name[0];
        String subject = name[1];
        List<ValidationMessage> errors = validate(schemaOf(example), read(example));
        assertThat(errors)
                .as("errors of %s", example.getFileName())
                .anySatisfy(
                        error -> {
                            assertThat(error.getType()).isEqualTo(keyword);
                            assertThat(error.getMessage() + " " + error.getProperty())
                                    .contains(subject);
                        });
        if (!MODELS.containsKey(schemaOf(example))) {
            assertThatThrownBy(() -> load(example))
                    .isInstanceOfAny(PolicyException.class, IllegalArgumentException.class);
        }
    }

    @Test
    void shouldValidateEveryShippedPolicy() throws IOException {
        try (Stream<Path> policies = Files.list(ROOT.resolve("deploy/policies"))) {
            List<Path> files = policies.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(files).isNotEmpty();
            for (Path policy : files) {
                assertThat(validate("sla-policy", read(policy))).as(policy.toString()).isEmpty();
            }
        }
    }

    @Test
    void shouldDropPersonalDataWhileDecodingAnEvent() throws Exception {
        JsonNode event =
                read(
                        EXAMPLES.resolve(
                                "valid/ticket-event/created-with-offset-and-personal-data.json"));
        assertThat(event.has("customerName")).isTrue();
        String decoded = JSON.writeValueAsString(JSON.treeToValue(event, TicketEvent.class));
        assertThat(decoded).doesNotContain("customer", "Li Wei", "138", "Century");
    }

    /** The schema errors of {@code document}; empty when it is valid. */
    public static List<ValidationMessage> validate(String schemaName, JsonNode document) {
        JsonSchema schema =
                FACTORY.getSchema(
                        SchemaLocation.of(SCHEMA_BASE + schemaName + ".schema.json"), CONFIG);
        return new ArrayList<>(schema.validate(document));
    }

    /** The document as the model writes it: declared fields only, instants in UTC. */
    static JsonNode canonical(String schemaName, JsonNode document) {
        JsonNode properties = read(SCHEMAS.resolve(schemaName + ".schema.json")).get("properties");
        ObjectNode canonical = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = document.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!properties.has(field.getKey())) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isTextual() && DATE_TIME.matcher(value.asText()).matches()) {
                value =
                        TextNode.valueOf(
                                OffsetDateTime.parse(value.asText()).toInstant().toString());
            }
            canonical.set(field.getKey(), value);
        }
        return canonical;
    }

    /** Reads an example of a contract without a record the way slawatch reads it. */
    static void load(Path example) throws PolicyException {
        if (schemaOf(example).equals("stats-record")) {
            IndexedDocument document =
                    ElasticsearchIndices.statsDocument((ObjectNode) read(example)).orElseThrow();
            assertThat(document.source().has("id")).isFalse();
        } else if (schemaOf(example).equals("calendar")) {
            CalendarLoader.load(example);
        } else {
            PolicyLoader.load(example);
        }
    }

    static String schemaOf(Path example) {
        return example.getParent().getFileName().toString();
    }

    static Stream<Path> examples(String kind) {
        try (Stream<Path> files = Files.walk(EXAMPLES.resolve(kind))) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return (file.toString().endsWith(".yaml") ? YAML : JSON).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

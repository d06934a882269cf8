package io.slawatch.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.policy.Fields;
import io.slawatch.policy.LocatedYaml;
import io.slawatch.policy.PolicyException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a notification file ({@code deploy/notify/notify.yaml}) and reports every problem in it at
 * its file, line and column, with the fix, as the policy loader does. Secrets are never values in
 * the file: a receiver names the file or environment variable that holds each one.
 */
public final class NotifyConfigLoader {

    static final Set<String> TOP = Set.of("receivers", "routes");
    static final Set<String> RECEIVER =
            Set.of(
                    "name",
                    "type",
                    "url",
                    "secret",
                    "auth",
                    "timeout",
                    "resendInterval",
                    "resendFor",
                    "maxAge",
                    "queueCapacity",
                    "generatorUrl",
                    "source");
    static final Set<String> SECRET = Set.of("file", "env");
    static final Set<String> AUTH = Set.of("user", "password");
    static final Set<String> ROUTE = Set.of("receiver", "match");

    private NotifyConfigLoader() {}

    public static NotifyConfig load(Path file) throws PolicyException {
        return parse(file.toString(), LocatedYaml.readFile(file));
    }

    public static NotifyConfig parse(String file, String text) throws PolicyException {
        LocatedYaml doc = LocatedYaml.parse(file, text);
        Fields fields = new Fields(doc);
        JsonNode root = doc.root();
        List<Receiver> receivers = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        if (fields.mapping("", root, "the notification file", TOP)) {
            if (root.get("receivers") == null) {
                fields.fail(
                        "",
                        "missing 'receivers'",
                        "add 'receivers:' with at least one receiver (name, type, url)");
            }
            List<JsonNode> declared = fields.sequence(root.get("receivers"));
            for (int i = 0; i < declared.size(); i++) {
                Receiver receiver = receiver(fields, "/receivers/" + i, declared.get(i));
                if (receiver != null) {
                    if (receivers.stream().anyMatch(r -> r.name().equals(receiver.name()))) {
                        fields.fail(
                                "/receivers/" + i + "/name",
                                "a second receiver named '" + receiver.name() + "'",
                                "give each receiver a name of its own");
                    } else {
                        receivers.add(receiver);
                    }
                }
            }
            // Every declared name, a receiver with problems too: its routes are not wrong.
            List<String> names = new ArrayList<>();
            for (JsonNode receiver : declared) {
                if (receiver.isObject() && receiver.path("name").isValueNode()) {
                    names.add(receiver.get("name").asText());
                }
            }
            List<JsonNode> declaredRoutes = fields.sequence(root.get("routes"));
            if (declaredRoutes.isEmpty() && root.has("receivers")) {
                fields.fail(
                        "",
                        "no 'routes': no alert would be delivered",
                        "add 'routes:' with '- receiver: NAME' and a 'match'");
            }
            for (int i = 0; i < declaredRoutes.size(); i++) {
                Route route = route(fields, "/routes/" + i, declaredRoutes.get(i), names);
                if (route != null) {
                    routes.add(route);
                }
            }
        }
        if (!fields.problems().isEmpty()) {
            throw new PolicyException(fields.problems());
        }
        return new NotifyConfig(file, receivers, routes);
    }

    private static Receiver receiver(Fields fields, String at, JsonNode node) {
        // Unknown keys are reported, and the rest still read: its routes must find it.
        if (!fields.mapping(at, node, "a receiver", RECEIVER) && !node.isObject()) {
            return null;
        }
        String name = fields.text(at, node, "name", true, "ops");
        String typeText = fields.text(at, node, "type", true, "alertmanager");
        ReceiverType type = null;
        if (typeText != null) {
            List<String> types =
                    Arrays.stream(ReceiverType.values()).map(ReceiverType::fileName).toList();
            if (types.contains(typeText)) {
                type = ReceiverType.valueOf(typeText.toUpperCase(Locale.ROOT));
            } else {
                fields.unknown(
                        at + "/type",
                        "unknown receiver type '" + typeText + "'",
                        typeText,
                        types,
                        "one of");
            }
        }
        URI url = url(fields, at, node);
        SecretSource secret = secret(fields, at + "/secret", node.get("secret"), "secret");
        if (type == ReceiverType.WEBHOOK && secret == null && node.get("secret") == null) {
            fields.fail(
                    at,
                    "a webhook receiver needs a signing 'secret'",
                    "add 'secret: {env: SLAWATCH_WEBHOOK_SECRET}' holding a whsec_… secret");
        }
        if (type == ReceiverType.PAGERDUTY && secret == null && node.get("secret") == null) {
            fields.fail(
                    at,
                    "a pagerduty receiver needs its routing key as 'secret'",
                    "add 'secret: {env: PAGERDUTY_ROUTING_KEY}'");
        }
        if (type == ReceiverType.ALERTMANAGER && node.get("secret") != null) {
            fields.fail(
                    at + "/secret",
                    "an alertmanager receiver takes no 'secret'",
                    "remove it; use 'auth' for basic authentication");
        }
        String user = null;
        SecretSource password = null;
        JsonNode auth = node.get("auth");
        if (auth != null && fields.mapping(at + "/auth", auth, "'auth'", AUTH)) {
            user = fields.text(at + "/auth", auth, "user", true, "slawatch");
            password = secret(fields, at + "/auth/password", auth.get("password"), "password");
            if (auth.get("password") == null) {
                fields.fail(
                        at + "/auth",
                        "missing 'password'",
                        "add 'password: {file: /run/secrets/alertmanager-password}'");
            }
        }
        Duration timeout = duration(fields, at, node, "timeout", Receiver.DEFAULT_TIMEOUT);
        Duration resendInterval =
                duration(fields, at, node, "resendInterval", Receiver.DEFAULT_RESEND_INTERVAL);
        Duration resendFor = duration(fields, at, node, "resendFor", Receiver.DEFAULT_RESEND_FOR);
        Duration maxAge = duration(fields, at, node, "maxAge", Receiver.DEFAULT_MAX_AGE);
        int capacity = Receiver.DEFAULT_QUEUE_CAPACITY;
        String capacityText = fields.text(at, node, "queueCapacity", false, "100000");
        if (capacityText != null) {
            Integer parsed =
                    fields.parse(
                            at + "/queueCapacity",
                            capacityText,
                            Integer::valueOf,
                            "a whole number",
                            "write e.g. 100000");
            if (parsed != null && parsed < 1) {
                fields.fail(at + "/queueCapacity", "the capacity must be positive", "e.g. 100000");
            } else if (parsed != null) {
                capacity = parsed;
            }
        }
        String generatorUrl = fields.text(at, node, "generatorUrl", false, "http://grafana/d/x");
        String source = fields.text(at, node, "source", false, "https://slawatch.example.com");
        if (source != null) {
            fields.parse(
                    at + "/source",
                    source,
                    URI::create,
                    "a URI",
                    "name this deployment with a URI, e.g. https://slawatch.example.com/prod");
        }
        if (name == null || type == null || url == null) {
            return null;
        }
        return new Receiver(
                name,
                type,
                url,
                secret,
                user,
                password,
                timeout,
                resendInterval,
                resendFor,
                maxAge,
                capacity,
                generatorUrl,
                source == null ? Receiver.DEFAULT_SOURCE : source);
    }

    private static URI url(Fields fields, String at, JsonNode node) {
        String text = fields.text(at, node, "url", true, "http://127.0.0.1:9093");
        if (text == null) {
            return null;
        }
        URI url =
                fields.parse(
                        at + "/url", text, URI::create, "a URL", "write e.g. http://host:9093");
        if (url != null
                && (url.getHost() == null
                        || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())))) {
            fields.fail(
                    at + "/url",
                    "'" + text + "' is not an http or https URL with a host",
                    "write e.g. http://127.0.0.1:9093");
            return null;
        }
        return url;
    }

    private static SecretSource secret(Fields fields, String at, JsonNode node, String what) {
        if (node == null) {
            return null;
        }
        if (node.isValueNode()) {
            // Never echo the value: it may be the secret itself.
            fields.fail(
                    at,
                    "'" + what + "' must name where the secret is, not hold it",
                    "put it in a file or an environment variable and write '"
                            + what
                            + ": {file: PATH}' or '"
                            + what
                            + ": {env: NAME}'");
            return null;
        }
        if (!fields.mapping(at, node, "'" + what + "'", SECRET)) {
            return null;
        }
        String file = fields.text(at, node, "file", false, "/run/secrets/x");
        String env = fields.text(at, node, "env", false, "SLAWATCH_SECRET");
        if ((file == null) == (env == null)) {
            fields.fail(
                    at,
                    "name exactly one of 'file' and 'env'",
                    "write {file: PATH} or {env: NAME}");
            return null;
        }
        return file != null ? SecretSource.ofFile(file) : SecretSource.ofEnv(env);
    }

    private static Duration duration(
            Fields fields, String at, JsonNode node, String name, Duration fallback) {
        String text = fields.text(at, node, name, false, "PT1M");
        if (text == null) {
            return fallback;
        }
        Duration duration = fields.positiveDuration(at + "/" + name, text);
        return duration == null ? fallback : duration;
    }

    private static Route route(Fields fields, String at, JsonNode node, List<String> receivers) {
        if (!fields.mapping(at, node, "a route", ROUTE)) {
            return null;
        }
        String receiver = fields.text(at, node, "receiver", true, "ops");
        if (receiver != null && !receivers.contains(receiver)) {
            fields.unknown(
                    at + "/receiver",
                    "no receiver named '" + receiver + "'",
                    receiver,
                    receivers,
                    "receivers:");
            receiver = null;
        }
        Map<MatchField, Set<String>> match = new EnumMap<>(MatchField.class);
        JsonNode matchNode = node.get("match");
        if (matchNode != null) {
            Set<String> keys = new LinkedHashSet<>();
            for (MatchField field : MatchField.values()) {
                keys.add(field.fileName());
            }
            if (fields.mapping(at + "/match", matchNode, "'match'", keys)) {
                for (MatchField field : MatchField.values()) {
                    JsonNode values = matchNode.get(field.fileName());
                    if (values == null) {
                        continue;
                    }
                    String where = at + "/match/" + field.fileName();
                    Set<String> accepted = new LinkedHashSet<>();
                    List<JsonNode> items = fields.sequence(values);
                    for (int i = 0; i < items.size(); i++) {
                        String value = items.get(i).asText();
                        if (field.allowed() != null && !field.allowed().contains(value)) {
                            fields.unknown(
                                    values.isArray() ? where + "/" + i : where,
                                    "unknown " + field.fileName() + " '" + value + "'",
                                    value,
                                    field.allowed(),
                                    "one of");
                        } else {
                            accepted.add(value);
                        }
                    }
                    match.put(field, accepted);
                }
            }
        }
        return receiver == null ? null : new Route(receiver, match);
    }
}

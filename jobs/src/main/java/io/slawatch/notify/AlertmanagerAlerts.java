package io.slawatch.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.model.Alert;
import io.slawatch.model.TicketAttributes;
import io.slawatch.serde.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Alertmanager API v2 alerts ({@code POST /api/v2/alerts}): one per clock cycle, kind and level,
 * identified by its labels, so that re-sending the same alert only keeps it firing.
 */
public final class AlertmanagerAlerts {

    public static final String PATH = "/api/v2/alerts";

    private AlertmanagerAlerts() {}

    /** The request body for {@code deliveries}: an array, one alert each. */
    public static byte[] body(List<Delivery> deliveries, Receiver receiver, Instant now) {
        ArrayNode alerts = Json.mapper().createArrayNode();
        for (Delivery delivery : deliveries) {
            alerts.add(alert(delivery, receiver, now));
        }
        return Json.bytes(alerts);
    }

    /** A firing alert, or with {@code endsAt} now a resolved one. */
    public static ObjectNode alert(Delivery delivery, Receiver receiver, Instant now) {
        Alert alert = delivery.alert();
        ObjectNode node = Json.mapper().createObjectNode();
        ObjectNode labels = node.putObject("labels");
        labels.put("alertname", AlertTexts.alertName(alert.kind()));
        labels.put("ticketId", alert.ticketId());
        labels.put("clock", alert.clock().name());
        labels.put("cycle", String.valueOf(alert.cycle()));
        TicketAttributes attributes = alert.attributes();
        if (attributes != null) {
            putIfPresent(labels, "channel", attributes.channel());
            putIfPresent(labels, "priority", attributes.priority());
            putIfPresent(labels, "team", attributes.team());
            putIfPresent(labels, "region", attributes.region());
        }
        labels.put("severity", AlertTexts.severity(alert.kind()));
        labels.put("level", String.valueOf(alert.level()));
        ObjectNode annotations = node.putObject("annotations");
        annotations.put("summary", AlertTexts.summary(alert));
        annotations.put("description", AlertTexts.description(alert));
        node.put("startsAt", alert.eventTime().toString());
        if (delivery.action() == DeliveryAction.RESOLVED) {
            node.put("endsAt", now.toString());
        }
        if (receiver.generatorUrl() != null) {
            node.put(
                    "generatorURL",
                    receiver.generatorUrl()
                            + URLEncoder.encode(alert.ticketId(), StandardCharsets.UTF_8));
        }
        return node;
    }

    private static void putIfPresent(ObjectNode labels, String name, Object value) {
        if (value != null) {
            labels.put(name, value.toString());
        }
    }
}

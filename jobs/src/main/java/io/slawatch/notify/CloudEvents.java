package io.slawatch.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.model.Alert;
import io.slawatch.serde.Json;
import java.util.Locale;

/** An alert as a CloudEvents 1.0 event in structured JSON mode. */
public final class CloudEvents {

    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String TYPE_PREFIX = "io.slawatch.alert.";

    private CloudEvents() {}

    public static byte[] body(Alert alert, String source) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", alert.alertId());
        event.put("source", source);
        event.put("type", TYPE_PREFIX + alert.kind().name().toLowerCase(Locale.ROOT));
        event.put("subject", alert.ticketId());
        event.put("time", alert.eventTime().toString());
        event.put("datacontenttype", "application/json");
        event.set("data", Json.mapper().valueToTree(alert));
        return Json.bytes(event);
    }
}

package io.slawatch.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.model.Alert;
import io.slawatch.serde.Json;

/**
 * PagerDuty Events API v2 events: a trigger per firing alert, a resolve when the cycle's alerts
 * ended, both under the dedup key {@code {ticketId}:{clock}:{cycle}} so one incident follows one
 * clock cycle.
 */
public final class PagerDutyEvents {

    private PagerDutyEvents() {}

    public static byte[] body(Delivery delivery, String routingKey, String source) {
        Alert alert = delivery.alert();
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("routing_key", routingKey);
        event.put(
                "event_action",
                delivery.action() == DeliveryAction.RESOLVED ? "resolve" : "trigger");
        event.put("dedup_key", delivery.cycleKey());
        if (delivery.action() != DeliveryAction.RESOLVED) {
            ObjectNode payload = event.putObject("payload");
            payload.put("summary", AlertTexts.summary(alert));
            payload.put("source", source);
            payload.put("severity", AlertTexts.severity(alert.kind()));
            payload.put("timestamp", alert.eventTime().toString());
            payload.set("custom_details", Json.mapper().valueToTree(alert));
        }
        return Json.bytes(event);
    }
}

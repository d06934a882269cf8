package io.slawatch.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.model.AlertKind;
import io.slawatch.sink.ElasticsearchIndices;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Where each ARRIVAL cycle's prediction stands, from its PREDICTED_BREACH and PREDICTION_CLEARED
 * alerts: one document per cycle in {@code slawatch-predictions} ({@code _id} its clockId),
 * STANDING or CLEARED, so that "arrivals at risk" lists the predictions standing now, most likely
 * late first. The indexer writes it beside the alert. Its version is the alert's event time (a
 * clearing after its prediction at the same instant wins), so whichever order the writes land in,
 * the latest stands.
 */
public final class PredictionViews {

    public static final String STANDING = "STANDING";
    public static final String CLEARED = "CLEARED";

    /** What a view keeps of its alert; {@code updatedAt} is the alert's event time. */
    static final List<String> FIELDS =
            List.of(
                    "ticketId",
                    "cycle",
                    "startedAt",
                    "deadline",
                    "targetSeconds",
                    "predictedArrivalAt",
                    "predictedLateSeconds",
                    "probability",
                    "channel",
                    "priority",
                    "complexity",
                    "agentId",
                    "techId",
                    "team",
                    "region",
                    "policyVersion");

    private PredictionViews() {}

    /** The view {@code alert} sets, if it is a prediction or its clearing. */
    public static Optional<TopicDocument> of(ObjectNode alert) {
        String kind = alert.path("kind").asText();
        boolean predicted = AlertKind.PREDICTED_BREACH.name().equals(kind);
        if (!predicted && !AlertKind.PREDICTION_CLEARED.name().equals(kind)) {
            return Optional.empty();
        }
        String ticketId = alert.path("ticketId").asText();
        JsonNode cycle = alert.path("cycle");
        long at;
        try {
            at = Instant.parse(alert.path("eventTime").asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        if (ticketId.isEmpty() || !cycle.canConvertToInt()) {
            return Optional.empty();
        }
        String clockId = ticketId + ":" + alert.path("clock").asText() + ":" + cycle.asInt();
        ObjectNode view = alert.objectNode();
        view.put("clockId", clockId);
        for (String field : FIELDS) {
            if (alert.hasNonNull(field)) {
                view.set(field, alert.get(field));
            }
        }
        view.put("status", predicted ? STANDING : CLEARED);
        view.set("alertId", predicted ? alert.get("alertId") : alert.get("retractsAlertId"));
        view.set("updatedAt", alert.get("eventTime"));
        return Optional.of(
                TopicDocument.of(
                        ElasticsearchIndices.PREDICTIONS,
                        clockId,
                        view.toString(),
                        at * 2 + (predicted ? 0 : 1)));
    }
}

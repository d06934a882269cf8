package io.slawatch.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.model.LedgerKind;
import io.slawatch.serde.Json;
import io.slawatch.sink.ElasticsearchIndices;
import java.util.List;
import java.util.Optional;

/**
 * The current state a ledger entry gives, for dashboards that ask "what is waiting now": a case's
 * latest status ({@code slawatch-cases}, by alert id) and an action's latest status ({@code
 * slawatch-actions}, by the action's entry id).
 *
 * <p>A state document is versioned by how far its status goes, not by its record's offset: an
 * action's entry and its OVERDUE come from different operators, so different sink writers, and may
 * reach the topic in either order. Statuses only move forward (a case from OPEN to a decision to
 * RETRACTED; an action from OPEN to OVERDUE to DONE, or REVERSED whatever it was), so the furthest
 * one is the current one whatever order they are indexed in.
 */
public final class LedgerViews {

    /** Case status: OPEN until a decision, then CONFIRMED, WAIVED or RETRACTED. */
    static final List<String> CASE_FIELDS =
            List.of("alertId", "ticketId", "clock", "month", "at", "decidedBy", "policyVersion");

    static final List<String> ACTION_FIELDS =
            List.of(
                    "subjectType",
                    "subjectId",
                    "alertId",
                    "ticketId",
                    "clock",
                    "month",
                    "couponPercent",
                    "upgradeMonths",
                    "from",
                    "to",
                    "dueBy",
                    "at",
                    "reason",
                    "relatedAlertIds",
                    "relatedAgentIds",
                    "policyVersion");

    private LedgerViews() {}

    /** The state document {@code entry} sets, if it changes a case or an action. */
    public static Optional<TopicDocument> of(ObjectNode entry) {
        LedgerKind kind = kind(entry, "kind");
        if (kind == null) {
            return Optional.empty();
        }
        switch (kind) {
            case VERIFICATION_REQUESTED, CONFIRMED, WAIVED, RETRACTED -> {
                ObjectNode view = copy(entry, CASE_FIELDS);
                view.put(
                        "status", kind == LedgerKind.VERIFICATION_REQUESTED ? "OPEN" : kind.name());
                if (kind == LedgerKind.VERIFICATION_REQUESTED) {
                    view.set("verifyBy", entry.get("dueBy"));
                }
                int rank =
                        switch (kind) {
                            case VERIFICATION_REQUESTED -> 1;
                            case RETRACTED -> 3;
                            default -> 2;
                        };
                // A case opened again after its retraction is newer than all of its first life.
                return document(
                        ElasticsearchIndices.CASES,
                        entry.path("alertId"),
                        view,
                        rank + 3L * (opening(entry) - 1));
            }
            case DONE, OVERDUE -> {
                return action(
                        entry,
                        entry.path("actionId"),
                        kind(entry, "targetKind"),
                        kind.name(),
                        kind == LedgerKind.OVERDUE ? 2 : 3);
            }
            case REVERSAL -> {
                LedgerKind target = kind(entry, "targetKind");
                return target != null && target.isAction()
                        ? action(entry, entry.path("reverses"), target, "REVERSED", 4)
                        : Optional.empty();
            }
            default -> {
                return kind.isAction()
                        ? action(entry, entry.path("entryId"), kind, "OPEN", 1)
                        : Optional.empty();
            }
        }
    }

    /** Which opening of its case a case entry is of: {@code ALERT_ID#n:KIND} is the nth. */
    private static int opening(ObjectNode entry) {
        String alertId = entry.path("alertId").asText();
        String entryId = entry.path("entryId").asText();
        if (!entryId.startsWith(alertId + "#")) {
            return 1;
        }
        int end = entryId.indexOf(':', alertId.length());
        try {
            return Integer.parseInt(
                    entryId.substring(alertId.length() + 1, end < 0 ? entryId.length() : end));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Optional<TopicDocument> action(
            ObjectNode entry, JsonNode actionId, LedgerKind action, String status, long rank) {
        ObjectNode view = copy(entry, ACTION_FIELDS);
        view.set("actionId", actionId);
        if (action != null) {
            view.put("action", action.name());
        }
        view.put("status", status);
        return document(ElasticsearchIndices.ACTIONS, actionId, view, rank);
    }

    private static Optional<TopicDocument> document(
            String index, JsonNode id, ObjectNode view, long rank) {
        if (!id.isTextual() || id.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TopicDocument.of(index, id.asText(), view.toString(), rank));
    }

    private static ObjectNode copy(ObjectNode entry, List<String> fields) {
        ObjectNode view = Json.mapper().createObjectNode();
        for (String field : fields) {
            JsonNode value = entry.get(field);
            if (value != null && !value.isNull()) {
                view.set(field, value);
            }
        }
        return view;
    }

    private static LedgerKind kind(ObjectNode entry, String field) {
        try {
            return LedgerKind.valueOf(entry.path(field).asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

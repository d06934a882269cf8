package io.slawatch.notify;

import io.slawatch.model.Alert;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * Alerts to one receiver: those whose every field named in {@code match} has one of its values (no
 * field named: every alert).
 */
public record Route(String receiver, Map<MatchField, Set<String>> match) implements Serializable {

    public Route {
        match = Map.copyOf(match);
    }

    public boolean matches(Alert alert) {
        for (Map.Entry<MatchField, Set<String>> field : match.entrySet()) {
            String value = field.getKey().of(alert);
            if (value == null || !field.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }
}

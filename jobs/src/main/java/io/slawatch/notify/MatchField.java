package io.slawatch.notify;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.Channel;
import io.slawatch.model.Priority;
import io.slawatch.model.TicketAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** What a route can match on: an alert's field, a value or a list of values. */
public enum MatchField {
    KIND(alert -> alert.kind().name(), names(AlertKind.values())),
    /** Any clock name: a policy defines clocks beyond the built-in three. */
    CLOCK(alert -> alert.clock().name(), null),
    CHANNEL(alert -> attribute(alert, a -> name(a.channel())), names(Channel.values())),
    PRIORITY(alert -> attribute(alert, a -> name(a.priority())), names(Priority.values())),
    TEAM(alert -> attribute(alert, TicketAttributes::team), null),
    REGION(alert -> attribute(alert, TicketAttributes::region), null);

    private final Function<Alert, String> value;
    private final List<String> allowed;

    MatchField(Function<Alert, String> value, List<String> allowed) {
        this.value = value;
        this.allowed = allowed;
    }

    /** The alert's value of this field; null when the alert has none. */
    public String of(Alert alert) {
        return value.apply(alert);
    }

    /** The values it can take, or null when any text is a value (teams, regions). */
    public List<String> allowed() {
        return allowed;
    }

    /** As the notification file spells it. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String attribute(Alert alert, Function<TicketAttributes, String> field) {
        return alert.attributes() == null ? null : field.apply(alert.attributes());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}

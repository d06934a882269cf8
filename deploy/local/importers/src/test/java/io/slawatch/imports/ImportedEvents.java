package io.slawatch.imports;

import io.slawatch.model.TicketEvent;
import io.slawatch.testkit.Checkout;
import java.nio.file.Path;
import java.util.List;

/** Readable views of imported events for exact assertions. */
final class ImportedEvents {

    static final Path LOGS = Checkout.resolve("data/excerpts");

    private ImportedEvents() {}

    /** One ticket's events as {@code TYPE time [field=value …]}, in replay order. */
    static List<String> of(ImportedLog log, String ticketId) {
        return log.events().stream()
                .filter(e -> e.ticketId().equals(ticketId))
                .map(ImportedEvents::line)
                .toList();
    }

    static String line(TicketEvent e) {
        StringBuilder text = new StringBuilder(e.type() + " " + e.occurredAt());
        append(text, "channel", e.channel());
        append(text, "priority", e.priority());
        append(text, "agent", e.agentId());
        append(text, "team", e.team());
        append(text, "reason", e.reason());
        return text.toString();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null) {
            text.append(' ').append(name).append('=').append(value);
        }
    }
}

package io.slawatch.imports;

import io.slawatch.model.Channel;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.TicketEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The help-desk log of an Italian software company (Polato 2017;
 * data/helpdesk_event_log.csv.README.md): one row per activity. This is the one place its rows
 * become ticket events:
 *
 * <ul>
 *   <li>CREATED at a case's first row, whatever its activity. The log records no channel: every
 *       case is EMAIL. Priority from {@code seriousness_2} (Value 1 → NORMAL, Value 2 → URGENT,
 *       Value 3 → CRITICAL, Value 4 → LOW: an assumption, the log does not say which is worse);
 *       team from {@code workgroup}. Never on site, always STANDARD.
 *   <li>"Take in charge ticket": REOPENED when it follows a resolution, RESUMED when it follows a
 *       Wait, RESPONDED (agent = {@code Resource}) the first time.
 *   <li>"Wait": PAUSED (AWAITING). "Resolve ticket": RESOLVED. "Closed": CLOSED.
 *   <li>The other activities (Assign seriousness, Insert ticket, Require upgrade, Create and
 *       Resolve SW anomaly, Schedule intervention, VERIFIED, RESOLVED, INVALID, DUPLICATE) are not
 *       lifecycle steps: they make no event.
 *   <li>Timestamps {@code yyyy/M/d H:mm:ss} are local time, read in {@link #DEFAULT_ZONE} unless
 *       another zone is given; a row whose timestamp cannot be read is quarantined.
 * </ul>
 */
public final class HelpdeskLog {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Rome");

    static final List<String> HEADER =
            List.of(
                    "Case ID",
                    "Activity",
                    "Resource",
                    "Complete Timestamp",
                    "Variant",
                    "Variant index",
                    "Variant",
                    "seriousness",
                    "customer",
                    "product",
                    "responsible_section",
                    "seriousness_2",
                    "service_level",
                    "service_type",
                    "support_section",
                    "workgroup");

    private static final int CASE = 0;
    private static final int ACTIVITY = 1;
    private static final int RESOURCE = 2;
    private static final int TIMESTAMP = 3;
    private static final int SERIOUSNESS_2 = 11;
    private static final int WORKGROUP = 15;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss", Locale.ROOT);

    private HelpdeskLog() {}

    public static ImportedLog read(Path file, ZoneId zone) throws IOException {
        CsvRows csv = CsvRows.read(file, HEADER);
        Map<String, List<CsvRows.Row>> cases = new LinkedHashMap<>();
        for (CsvRows.Row row : csv.rows) {
            cases.computeIfAbsent(row.fields()[CASE], k -> new ArrayList<>()).add(row);
        }
        List<Sequenced> events = new ArrayList<>();
        Map<String, Priority> finalPriority = new LinkedHashMap<>();
        for (Map.Entry<String, List<CsvRows.Row>> ticket : cases.entrySet()) {
            Priority priority = read(file, zone, ticket.getKey(), ticket.getValue(), csv, events);
            if (priority != null) {
                finalPriority.put(ticket.getKey(), priority);
            }
        }
        return new ImportedLog(
                csv.dataRows(),
                cases.size(),
                Sequenced.inReplayOrder(events),
                List.copyOf(csv.quarantined),
                Map.of(),
                finalPriority);
    }

    private static Priority read(
            Path file,
            ZoneId zone,
            String caseId,
            List<CsvRows.Row> rows,
            CsvRows csv,
            List<Sequenced> out) {
        int[] step = {0};
        boolean created = false;
        boolean responded = false;
        boolean paused = false;
        boolean resolved = false;
        Priority priority = null;
        for (CsvRows.Row row : rows) {
            String[] f = row.fields();
            Instant at;
            try {
                at = LocalDateTime.parse(f[TIMESTAMP], TIME).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                csv.quarantine(
                        file,
                        row.line(),
                        row.text(),
                        QuarantineReason.BAD_TIMESTAMP,
                        "unreadable timestamp (expected yyyy/M/d H:mm:ss)",
                        caseId);
                continue;
            }
            if (!created) {
                created = true;
                priority = priority(f[SERIOUSNESS_2]);
                Priority createdWith = priority;
                emit(
                        out,
                        row,
                        caseId,
                        step,
                        EventType.CREATED,
                        at,
                        e ->
                                e.channel(Channel.EMAIL)
                                        .priority(createdWith)
                                        .complexity(Complexity.STANDARD)
                                        .onsite(false)
                                        .team(f[WORKGROUP]));
            }
            switch (f[ACTIVITY]) {
                case "Take in charge ticket" -> {
                    if (resolved) {
                        resolved = false;
                        emit(out, row, caseId, step, EventType.REOPENED, at, e -> e);
                    }
                    if (paused) {
                        paused = false;
                        emit(out, row, caseId, step, EventType.RESUMED, at, e -> e);
                    }
                    if (!responded) {
                        responded = true;
                        emit(
                                out,
                                row,
                                caseId,
                                step,
                                EventType.RESPONDED,
                                at,
                                e -> e.agent(f[RESOURCE]));
                    }
                }
                case "Wait" -> {
                    if (!paused) {
                        paused = true;
                        emit(
                                out,
                                row,
                                caseId,
                                step,
                                EventType.PAUSED,
                                at,
                                e -> e.reason("AWAITING"));
                    }
                }
                case "Resolve ticket" -> {
                    if (!resolved) {
                        resolved = true;
                        paused = false;
                        emit(out, row, caseId, step, EventType.RESOLVED, at, e -> e);
                    }
                }
                case "Closed" -> emit(out, row, caseId, step, EventType.CLOSED, at, e -> e);
                default -> {}
            }
        }
        return priority;
    }

    private static void emit(
            List<Sequenced> out,
            CsvRows.Row row,
            String caseId,
            int[] step,
            EventType type,
            Instant at,
            java.util.function.UnaryOperator<EventBuilder> fill) {
        int index = step[0]++;
        TicketEvent event =
                fill.apply(new EventBuilder(caseId + "-" + index + "-" + type, caseId, type, at))
                        .build();
        out.add(new Sequenced(event, caseId, row.line(), index));
    }

    static Priority priority(String seriousness) {
        return switch (seriousness) {
            case "Value 2" -> Priority.URGENT;
            case "Value 3" -> Priority.CRITICAL;
            case "Value 4" -> Priority.LOW;
            default -> Priority.NORMAL;
        };
    }
}

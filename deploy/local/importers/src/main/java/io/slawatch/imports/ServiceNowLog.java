package io.slawatch.imports;

import io.slawatch.model.Channel;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import io.slawatch.model.QuarantineReason;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * UCI 498, the ServiceNow incident log (data/incident_event_log.csv.README.md): one row per audited
 * update, a snapshot of the whole incident. This is the one place its rows become ticket events:
 *
 * <ul>
 *   <li>CREATED at {@code opened_at}, with channel from {@code contact_type} (Phone, IVR → PHONE;
 *       Email → EMAIL; Self service, Direct opening → APP), priority from {@code priority} (1 -
 *       Critical → CRITICAL, 2 - High → URGENT, 3 - Moderate → NORMAL, 4 - Low → LOW), agent from
 *       {@code assigned_to}, team from {@code assignment_group}; never on site, always STANDARD.
 *   <li>Every other event at the row's {@code sys_updated_at}, in file order within an incident:
 *       UPDATED when the priority changes; REASSIGNED when analyst or group change; RESPONDED at
 *       the first row with an analyst (the first assignment); REOPENED when a Resolved or Closed
 *       incident becomes active again; PAUSED when it enters an Awaiting state and RESUMED when it
 *       leaves them; RESOLVED when it becomes Resolved; CLOSED when it becomes Closed.
 *   <li>Times come only from {@code opened_at}, {@code sys_updated_at} and the state, never from
 *       {@code resolved_at}, {@code closed_at} or other columns that hold final values from the
 *       first row on. {@code ?} is missing. Timestamps are minutes in the log's local time, read in
 *       the zone given ({@link #DEFAULT_ZONE} by default: the log does not say).
 *   <li>A row in the undocumented state {@code -100} is quarantined (BAD_VALUE), as is a row with
 *       an unreadable timestamp or the wrong number of fields.
 *   <li>{@code made_sla} on an incident's last row is its recorded outcome (true = met).
 * </ul>
 *
 * <p>Events are sorted by time, ties by incident number and row, as the README advises.
 */
public final class ServiceNowLog {

    public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;

    static final List<String> HEADER =
            List.of(
                    "number",
                    "incident_state",
                    "active",
                    "reassignment_count",
                    "reopen_count",
                    "sys_mod_count",
                    "made_sla",
                    "caller_id",
                    "opened_by",
                    "opened_at",
                    "sys_created_by",
                    "sys_created_at",
                    "sys_updated_by",
                    "sys_updated_at",
                    "contact_type",
                    "location",
                    "category",
                    "subcategory",
                    "u_symptom",
                    "cmdb_ci",
                    "impact",
                    "urgency",
                    "priority",
                    "assignment_group",
                    "assigned_to",
                    "knowledge",
                    "u_priority_confirmation",
                    "notify",
                    "problem_id",
                    "rfc",
                    "vendor",
                    "caused_by",
                    "closed_code",
                    "resolved_by",
                    "resolved_at",
                    "closed_at");

    private static final int NUMBER = 0;
    private static final int STATE = 1;
    private static final int MADE_SLA = 6;
    private static final int OPENED_AT = 9;
    private static final int UPDATED_AT = 13;
    private static final int CONTACT_TYPE = 14;
    private static final int PRIORITY = 22;
    private static final int GROUP = 23;
    private static final int ANALYST = 24;
    private static final String MISSING = "?";
    private static final String UNDOCUMENTED_STATE = "-100";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d/M/yyyy HH:mm", Locale.ROOT);

    private ServiceNowLog() {}

    public static ImportedLog read(Path file, ZoneId zone) throws IOException {
        CsvRows csv = CsvRows.read(file, HEADER);
        Map<String, List<CsvRows.Row>> incidents = new LinkedHashMap<>();
        for (CsvRows.Row row : csv.rows) {
            incidents.computeIfAbsent(row.fields()[NUMBER], k -> new ArrayList<>()).add(row);
        }
        List<Sequenced> events = new ArrayList<>();
        Map<String, Boolean> madeSla = new LinkedHashMap<>();
        Map<String, Priority> finalPriority = new LinkedHashMap<>();
        for (Map.Entry<String, List<CsvRows.Row>> incident : incidents.entrySet()) {
            List<CsvRows.Row> rows = incident.getValue();
            CsvRows.Row last = rows.get(rows.size() - 1);
            madeSla.put(incident.getKey(), Boolean.parseBoolean(last.fields()[MADE_SLA]));
            Priority priority = priority(last.fields()[PRIORITY]);
            if (priority != null) {
                finalPriority.put(incident.getKey(), priority);
            }
            new Incident(file, zone, incident.getKey(), csv, events).read(rows);
        }
        return new ImportedLog(
                csv.dataRows(),
                incidents.size(),
                Sequenced.inReplayOrder(events),
                List.copyOf(csv.quarantined),
                madeSla,
                finalPriority);
    }

    /** Turns one incident's rows, in file order, into events. */
    private static final class Incident {
        private final Path file;
        private final ZoneId zone;
        private final String number;
        private final CsvRows csv;
        private final List<Sequenced> out;
        private int step;

        Incident(Path file, ZoneId zone, String number, CsvRows csv, List<Sequenced> out) {
            this.file = file;
            this.zone = zone;
            this.number = number;
            this.csv = csv;
            this.out = out;
        }

        void read(List<CsvRows.Row> rows) {
            CsvRows.Row first = null;
            Instant openedAt = null;
            for (CsvRows.Row row : rows) {
                openedAt = time(row, OPENED_AT);
                if (openedAt != null && !UNDOCUMENTED_STATE.equals(row.fields()[STATE])) {
                    first = row;
                    break;
                }
            }
            if (first == null) {
                for (CsvRows.Row row : rows) {
                    reject(row);
                }
                return;
            }
            String[] f = first.fields();
            Priority priority = priority(f[PRIORITY]);
            String analyst = value(f[ANALYST]);
            String group = value(f[GROUP]);
            Priority createdWith = priority == null ? Priority.NORMAL : priority;
            String createdAnalyst = analyst;
            String createdGroup = group;
            emit(
                    first,
                    EventType.CREATED,
                    openedAt,
                    e ->
                            e.channel(channel(f[CONTACT_TYPE]))
                                    .priority(createdWith)
                                    .complexity(Complexity.STANDARD)
                                    .onsite(false)
                                    .agent(createdAnalyst)
                                    .team(createdGroup));
            String state = null;
            boolean responded = false;
            boolean paused = false;
            for (CsvRows.Row row : rows) {
                String[] fields = row.fields();
                String rowState = fields[STATE];
                Instant at = time(row, UPDATED_AT);
                if (UNDOCUMENTED_STATE.equals(rowState) || at == null) {
                    reject(row);
                    continue;
                }
                Priority rowPriority = priority(fields[PRIORITY]);
                if (rowPriority != null && priority != null && rowPriority != priority) {
                    Priority changed = rowPriority;
                    emit(row, EventType.UPDATED, at, e -> e.priority(changed));
                }
                if (rowPriority != null) {
                    priority = rowPriority;
                }
                String rowAnalyst = value(fields[ANALYST]);
                String rowGroup = value(fields[GROUP]);
                if (state != null
                        && (!same(rowAnalyst, analyst) || !same(rowGroup, group))
                        && (rowAnalyst != null || rowGroup != null)) {
                    emit(row, EventType.REASSIGNED, at, e -> e.agent(rowAnalyst).team(rowGroup));
                }
                analyst = rowAnalyst;
                group = rowGroup;
                if (!responded && rowAnalyst != null) {
                    responded = true;
                    emit(row, EventType.RESPONDED, at, e -> e.agent(rowAnalyst));
                }
                boolean done = "Resolved".equals(state) || "Closed".equals(state);
                boolean active = !rowState.equals("Resolved") && !rowState.equals("Closed");
                if (done && active) {
                    emit(row, EventType.REOPENED, at, e -> e);
                }
                boolean awaiting = rowState.startsWith("Awaiting");
                if (awaiting && !paused) {
                    paused = true;
                    String reason = rowState.toUpperCase(Locale.ROOT).replace(' ', '_');
                    emit(row, EventType.PAUSED, at, e -> e.reason(reason));
                } else if (!awaiting && paused) {
                    paused = false;
                    emit(row, EventType.RESUMED, at, e -> e);
                }
                if (rowState.equals("Resolved") && !"Resolved".equals(state)) {
                    emit(row, EventType.RESOLVED, at, e -> e);
                }
                if (rowState.equals("Closed") && !"Closed".equals(state)) {
                    emit(row, EventType.CLOSED, at, e -> e);
                }
                state = rowState;
            }
        }

        private void reject(CsvRows.Row row) {
            String state = row.fields()[STATE];
            csv.quarantine(
                    file,
                    row.line(),
                    row.text(),
                    UNDOCUMENTED_STATE.equals(state)
                            ? QuarantineReason.BAD_VALUE
                            : QuarantineReason.BAD_TIMESTAMP,
                    UNDOCUMENTED_STATE.equals(state)
                            ? "undocumented incident_state -100: the row's meaning is unknown"
                            : "unreadable timestamp (expected d/M/yyyy HH:mm)",
                    number);
        }

        private Instant time(CsvRows.Row row, int column) {
            String text = row.fields()[column];
            if (MISSING.equals(text)) {
                return null;
            }
            try {
                return LocalDateTime.parse(text, TIME).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private void emit(
                CsvRows.Row row,
                EventType type,
                Instant at,
                java.util.function.UnaryOperator<EventBuilder> fill) {
            int index = step++;
            EventBuilder builder =
                    fill.apply(
                            new EventBuilder(number + "-" + index + "-" + type, number, type, at));
            out.add(new Sequenced(builder.build(), number, row.line(), index));
        }
    }

    static Channel channel(String contactType) {
        return switch (contactType) {
            case "Email" -> Channel.EMAIL;
            case "Self service", "Direct opening" -> Channel.APP;
            default -> Channel.PHONE;
        };
    }

    static Priority priority(String text) {
        return switch (text) {
            case "1 - Critical" -> Priority.CRITICAL;
            case "2 - High" -> Priority.URGENT;
            case "3 - Moderate" -> Priority.NORMAL;
            case "4 - Low" -> Priority.LOW;
            default -> null;
        };
    }

    private static String value(String text) {
        return MISSING.equals(text) ? null : text;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}

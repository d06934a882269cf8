package io.slawatch.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;

/** The input formats replay and import read. */
public enum LogFormat {
    /** slawatch ticket events, one JSON object a line. */
    JSONL("jsonl", null),
    /** UCI 498, the ServiceNow incident management event log (see ServiceNowLog). */
    SERVICENOW_CSV("servicenow-csv", ServiceNowLog.DEFAULT_ZONE),
    /** The help-desk log of an Italian company, Polato 2017 (see HelpdeskLog). */
    HELPDESK_CSV("helpdesk-csv", HelpdeskLog.DEFAULT_ZONE);

    private final String cliName;
    private final ZoneId defaultZone;

    LogFormat(String cliName, ZoneId defaultZone) {
        this.cliName = cliName;
        this.defaultZone = defaultZone;
    }

    /** The zone the log's local timestamps are read in when none is given. */
    public ZoneId defaultZone() {
        return defaultZone;
    }

    public static LogFormat fromCli(String name) {
        for (LogFormat format : values()) {
            if (format.cliName.equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException(
                "unknown format '" + name + "': jsonl, servicenow-csv or helpdesk-csv");
    }

    /** Reads a log of this format; not for {@link #JSONL}, which replay reads as it is. */
    public ImportedLog read(Path file, ZoneId zone) throws IOException {
        return switch (this) {
            case SERVICENOW_CSV -> ServiceNowLog.read(file, zone);
            case HELPDESK_CSV -> HelpdeskLog.read(file, zone);
            case JSONL -> throw new IllegalStateException("JSON lines need no import");
        };
    }

    @Override
    public String toString() {
        return cliName;
    }
}

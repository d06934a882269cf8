package io.slawatch.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.Priority;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Seven real incidents of the UCI 498 log, copied into test resources. */
class ServiceNowLogTest {

    final ImportedLog log = read();

    static ImportedLog read() {
        try {
            return ServiceNowLog.read(
                    ImportedEvents.LOGS.resolve("servicenow-excerpt.csv"),
                    ServiceNowLog.DEFAULT_ZONE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shouldCountRowsTicketsEventsAndQuarantinedRows() {
        assertThat(log.rows()).isEqualTo(45);
        assertThat(log.tickets()).isEqualTo(7);
        assertThat(log.events()).hasSize(37);
        assertThat(log.quarantined())
                .extracting(
                        QuarantineRecord::reason,
                        QuarantineRecord::line,
                        QuarantineRecord::ticketId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                QuarantineReason.BAD_VALUE, 42L, "INC0028089"),
                        org.assertj.core.groups.Tuple.tuple(
                                QuarantineReason.BAD_VALUE, 43L, "INC0028089"));
    }

    @Test
    void shouldMapAssignmentWaitingAndResolution() {
        assertThat(ImportedEvents.of(log, "INC0000047"))
                .containsExactly(
                        "CREATED 2016-02-29T04:40:00Z channel=PHONE priority=NORMAL agent=Resolver 89 team=Group 70",
                        "RESPONDED 2016-02-29T04:57:00Z agent=Resolver 89",
                        "REASSIGNED 2016-02-29T05:30:00Z agent=Resolver 31 team=Group 24",
                        "REASSIGNED 2016-03-01T09:14:00Z agent=Resolver 89 team=Group 24",
                        "PAUSED 2016-03-01T09:14:00Z reason=AWAITING_USER_INFO",
                        "RESUMED 2016-03-01T09:52:00Z",
                        "RESOLVED 2016-03-01T09:52:00Z",
                        "CLOSED 2016-03-06T10:00:00Z");
    }

    @Test
    void shouldMapReopeningsToNewResolutionCycles() {
        assertThat(ImportedEvents.of(log, "INC0000715"))
                .containsExactly(
                        "CREATED 2016-03-01T13:03:00Z channel=PHONE priority=NORMAL team=Group 73",
                        "REASSIGNED 2016-03-01T14:10:00Z agent=Resolver 198 team=Group 73",
                        "RESPONDED 2016-03-01T14:10:00Z agent=Resolver 198",
                        "RESOLVED 2016-03-03T08:36:00Z",
                        "REOPENED 2016-03-04T12:42:00Z",
                        "RESOLVED 2016-03-10T12:16:00Z",
                        "REOPENED 2016-03-10T12:47:00Z",
                        "RESOLVED 2016-03-10T15:36:00Z",
                        "CLOSED 2016-03-24T18:50:00Z");
    }

    @Test
    void shouldMapPriorityChangesAndTakeTimesOnlyFromUpdates() {
        assertThat(ImportedEvents.of(log, "INC0000877"))
                .containsExactly(
                        "CREATED 2016-03-01T17:49:00Z channel=PHONE priority=CRITICAL agent=Resolver 176 team=Group 5",
                        "RESPONDED 2016-03-01T18:04:00Z agent=Resolver 176",
                        "UPDATED 2016-03-02T08:45:00Z priority=NORMAL",
                        "RESOLVED 2016-03-02T09:55:00Z",
                        "CLOSED 2016-03-07T10:00:00Z");
        assertThat(ImportedEvents.of(log, "INC0000045"))
                .as("resolved_at and closed_at on the first row are final values, not events")
                .containsExactly(
                        "CREATED 2016-02-29T01:16:00Z channel=PHONE priority=NORMAL team=Group 56",
                        "RESOLVED 2016-02-29T08:53:00Z",
                        "CLOSED 2016-03-05T12:00:00Z");
    }

    @Test
    void shouldKeepTheLogsVerdictAndFinalPriority() {
        assertThat(log.madeSla())
                .containsEntry("INC0000045", true)
                .containsEntry("INC0028089", false);
        assertThat(log.finalPriority())
                .containsEntry("INC0000877", Priority.NORMAL)
                .containsEntry("INC0000062", Priority.URGENT);
    }

    @Test
    void shouldReadTimesInTheZoneGiven() throws Exception {
        ImportedLog shanghai =
                ServiceNowLog.read(
                        ImportedEvents.LOGS.resolve("servicenow-excerpt.csv"),
                        ZoneId.of("Asia/Shanghai"));
        assertThat(ImportedEvents.of(shanghai, "INC0000045").get(0))
                .startsWith("CREATED 2016-02-28T17:16:00Z");
    }
}

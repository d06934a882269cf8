package io.slawatch.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Three real cases of the help-desk log, copied into test resources (CRLF, as the log). */
class HelpdeskLogTest {

    final ImportedLog log = read();

    static ImportedLog read() {
        try {
            return HelpdeskLog.read(
                    ImportedEvents.LOGS.resolve("helpdesk-excerpt.csv"), HelpdeskLog.DEFAULT_ZONE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shouldCountRowsTicketsAndEvents() {
        assertThat(log.rows()).isEqualTo(19);
        assertThat(log.tickets()).isEqualTo(3);
        assertThat(log.events()).hasSize(16);
        assertThat(log.quarantined()).isEmpty();
        assertThat(log.madeSla()).isEmpty();
    }

    @Test
    void shouldMapTakeInChargeResolveAndCloseInRomeTime() {
        assertThat(ImportedEvents.of(log, "Case 1"))
                .containsExactly(
                        "CREATED 2012-10-09T12:50:17Z channel=EMAIL priority=NORMAL team=Value 1",
                        "RESPONDED 2012-10-09T12:51:01Z agent=Value 1",
                        "RESOLVED 2012-10-25T09:54:26Z",
                        "CLOSED 2012-11-09T11:54:39Z");
    }

    @Test
    void shouldMapWaitAndReResolutionAfterATakeInCharge() {
        assertThat(ImportedEvents.of(log, "Case 37"))
                .containsExactly(
                        "CREATED 2011-02-10T10:13:07Z channel=EMAIL priority=NORMAL team=Value 1",
                        "RESPONDED 2011-02-10T10:13:33Z agent=Value 8",
                        "RESOLVED 2011-02-10T14:20:02Z",
                        "REOPENED 2011-03-02T12:24:07Z",
                        "PAUSED 2011-03-02T14:27:52Z reason=AWAITING",
                        "RESUMED 2011-03-04T08:37:50Z",
                        "RESOLVED 2011-03-04T08:37:55Z",
                        "CLOSED 2011-04-03T06:38:21Z");
    }

    @Test
    void shouldCreateAtTheFirstRowWhateverItsActivity() {
        assertThat(ImportedEvents.of(log, "Case 9"))
                .containsExactly(
                        "CREATED 2010-05-07T11:02:21Z channel=EMAIL priority=CRITICAL team=Value 1",
                        "RESPONDED 2010-05-24T08:26:28Z agent=Value 6",
                        "RESOLVED 2010-05-25T13:35:44Z",
                        "CLOSED 2010-06-09T13:35:56Z");
    }
}

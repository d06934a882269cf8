package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testkit.Checkout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    static final String EXCERPT = Checkout.resolve("data/excerpts/helpdesk-excerpt.csv").toString();

    @TempDir Path temp;

    @Test
    void shouldWriteTheEventsAsJsonLinesAndSayWhatItRead() throws Exception {
        Path out = temp.resolve("events.jsonl");

        CliRun run =
                CliRun.run(
                        "",
                        "import",
                        "--format",
                        "helpdesk-csv",
                        "--input",
                        EXCERPT,
                        "--out",
                        out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("helpdesk-csv: 19 rows, 3 tickets, 16 events, 0 rows quarantined\n");
        assertThat(Files.readAllLines(out))
                .hasSize(16)
                .first()
                .isEqualTo(
                        "{\"eventId\":\"Case 9-0-CREATED\",\"ticketId\":\"Case 9\",\"type\":\"CREATED\",\"occurredAt\":\"2010-05-07T11:02:21Z\",\"channel\":\"EMAIL\",\"priority\":\"CRITICAL\",\"complexity\":\"STANDARD\",\"onsite\":false,\"team\":\"Value 1\"}");
    }

    @Test
    void shouldRefuseAnUnknownFormat() {
        CliRun run =
                CliRun.run(
                        "",
                        "import",
                        "--format",
                        "xes",
                        "--input",
                        EXCERPT,
                        "--out",
                        temp.resolve("x").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith(
                        "Invalid value for option '--format': unknown format 'xes': jsonl,"
                                + " servicenow-csv or helpdesk-csv\n");
    }
}

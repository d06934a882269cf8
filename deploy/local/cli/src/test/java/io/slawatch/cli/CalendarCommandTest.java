package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarCommandTest {

    static final String OFFICE =
            """
            timeZone: Asia/Shanghai
            weekly:
              mon: ["09:00-12:00", "13:00-18:00"]
              tue: ["09:00-12:00", "13:00-18:00"]
              wed: ["09:00-12:00", "13:00-18:00"]
              thu: ["09:00-12:00", "13:00-18:00"]
              fri: ["09:00-12:00", "13:00-18:00"]
            holidays: [2026-10-01]
            """;

    @TempDir Path temp;
    Path calendar;

    @BeforeEach
    void writeCalendar() throws Exception {
        calendar = temp.resolve("office.yaml");
        Files.writeString(calendar, OFFICE);
    }

    @Test
    void shouldAnswerEveryLineInOrderAndKeepGoingAfterABadOne() {
        String input =
                """
                {"op":"add","start":"2026-11-23T01:00:00Z","duration":"PT4H"}
                {"op":"between","start":"2026-11-27T17:00:00+08:00","end":"2026-11-30T10:00:00+08:00"}
                {"op":"add","start":"2026-11-23T09:00","duration":"PT1H"}
                not json
                {"op":"multiply"}
                {"op":"nextOpen","at":"2026-09-30T18:00:00+08:00"}
                {"op":"add","start":"2026-11-23T09:00:00+08:00","duration":"PT3H"}
                """;

        CliRun run = CliRun.run(input, "calendar", "--calendar", calendar.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        "{\"result\":\"2026-11-23T14:00:00+08:00\"}",
                        "{\"result\":\"PT2H\",\"seconds\":7200}",
                        "{\"error\":\"'start' is not an ISO-8601 instant with offset: 2026-11-23T09:00\"}",
                        "{\"error\":\"not a JSON object: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\"}",
                        "{\"error\":\"unknown op 'multiply': use add, between or nextOpen\"}",
                        "{\"result\":\"2026-10-02T09:00:00+08:00\"}",
                        "{\"result\":\"2026-11-23T12:00:00+08:00\"}");
    }

    @Test
    void shouldRefuseABrokenCalendarFileWithItsLine() throws Exception {
        Files.writeString(
                calendar, OFFICE.replace("tue: [\"09:00-12:00\"", "tue: [\"09:00-13:30\""));

        CliRun run = CliRun.run("", "calendar", "--calendar", calendar.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(
                        calendar
                                + ":4:3: overlapping opening intervals: tue 09:00-13:30 overlaps tue 13:00-18:00 (fix: make the intervals disjoint or merge them into one)\n");
    }
}

package io.slawatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.Priority;
import io.slawatch.model.TicketAttributes;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AlertLineTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant MONDAY_0908 = Instant.parse("2026-11-23T01:08:07Z");

    static final Alert PHONE_BREACH =
            new Alert(
                    "T-000010:RESPONSE:1:BREACHED:1",
                    "T-000010",
                    ClockType.RESPONSE,
                    AlertKind.BREACHED,
                    1,
                    1,
                    MONDAY_0908.minusSeconds(30),
                    MONDAY_0908,
                    MONDAY_0908,
                    30,
                    0L,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new TicketAttributes(
                            Channel.PHONE,
                            Priority.NORMAL,
                            Complexity.STANDARD,
                            "a-east-6",
                            "t-pudong-2",
                            "east",
                            "pudong",
                            "2026.11-1",
                            null));

    @Test
    void shouldGiveEveryFieldWhenThereIsRoom() {
        assertThat(AlertLine.format(PHONE_BREACH, SHANGHAI, false, Integer.MAX_VALUE))
                .isEqualTo(
                        "09:08:07 BREACHED  RESPONSE   T-000010 PHONE NORMAL  target 30s  overdue 0s"
                                + "  agent a-east-6  tech t-pudong-2");
    }

    @Test
    void shouldKeepWholeFieldsThatFitEightyColumnsNotCountingColour() {
        String coloured = AlertLine.format(PHONE_BREACH, SHANGHAI, true, 80);

        assertThat(coloured)
                .isEqualTo(
                        "09:08:07 \u001b[1;31mBREACHED \u001b[0m RESPONSE   T-000010 PHONE NORMAL"
                                + "  target 30s  overdue 0s");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "").length()).isLessThan(80);
    }
}

package io.slawatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void shouldQuoteFieldsThatNeedItAndLeaveAbsentOnesEmpty() {
        String text =
                new Csv(List.of("team", "gives", "rate"))
                        .row("north", "COUPON 20%, UPGRADE 3 months", null)
                        .row("say \"hi\"", "x", 0.5)
                        .toString();

        assertThat(text)
                .isEqualTo(
                        "team,gives,rate\r\n"
                                + "north,\"COUPON 20%, UPGRADE 3 months\",\r\n"
                                + "\"say \"\"hi\"\"\",x,0.5\r\n");
    }
}

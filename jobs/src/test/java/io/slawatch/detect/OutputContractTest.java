package io.slawatch.detect;

import static io.slawatch.detect.TicketEvents.MONDAY_0900;
import static io.slawatch.detect.TicketEvents.cancelled;
import static io.slawatch.detect.TicketEvents.created;
import static io.slawatch.detect.TicketEvents.responded;
import static io.slawatch.model.Channel.PHONE;
import static io.slawatch.model.Priority.URGENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.AlertKind;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.SchemaContractTest;
import io.slawatch.serde.Json;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Every kind of alert and outcome the function emits is a valid document of its schema. */
class OutputContractTest {

    @Test
    void shouldEmitAlertsAndOutcomesThatValidateAgainstTheirSchemas() throws Exception {
        try (SlaHarness sla = SlaHarness.withScenarioPolicy()) {
            sla.send(created(MONDAY_0900, PHONE, URGENT).onsite().agent("a-1").team("north"))
                    .watermark(MONDAY_0900.plusSeconds(61))
                    .send(
                            responded(MONDAY_0900.plusSeconds(29)),
                            created(MONDAY_0900, PHONE, URGENT).ticket("T-2"),
                            responded(MONDAY_0900.plusSeconds(90)).ticket("T-2"),
                            cancelled(MONDAY_0900.plus(Duration.ofMinutes(5))).ticket("T-2"))
                    .endOfInput();

            assertThat(sla.alerts())
                    .extracting(a -> a.kind())
                    .containsAll(EnumSet.allOf(AlertKind.class));
            assertThat(sla.outcomes())
                    .extracting(o -> o.status())
                    .containsAll(EnumSet.allOf(OutcomeStatus.class));
            for (var alert : sla.alerts()) {
                assertThat(SchemaContractTest.validate("alert", Json.mapper().valueToTree(alert)))
                        .as(alert.alertId())
                        .isEmpty();
            }
            for (var outcome : sla.outcomes()) {
                assertThat(
                                SchemaContractTest.validate(
                                        "clock-outcome", Json.mapper().valueToTree(outcome)))
                        .as(outcome.outcomeId())
                        .isEmpty();
            }
        }
    }
}

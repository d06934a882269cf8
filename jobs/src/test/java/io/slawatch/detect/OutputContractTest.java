package io.slawatch.detect;

import static io.slawatch.detect.TicketEvents.MONDAY_0900;
import static io.slawatch.detect.TicketEvents.cancelled;
import static io.slawatch.detect.TicketEvents.created;
import static io.slawatch.detect.TicketEvents.responded;
import static io.slawatch.model.Channel.PHONE;
import static io.slawatch.model.Priority.URGENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockView;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.SchemaContractTest;
import io.slawatch.model.StatsBucket;
import io.slawatch.model.StatsSample;
import io.slawatch.serde.Json;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.stats.StatsSamples;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every kind of alert, outcome and clock view the function emits is a valid document of its schema,
 * and the last view of an ended cycle carries exactly that cycle's outcome.
 */
class OutputContractTest {

    @Test
    void shouldEmitAlertsOutcomesAndClockViewsThatValidateAgainstTheirSchemas() throws Exception {
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
                    // Predictions come from ArrivalPredictionFunction, checked in its own test.
                    .containsAll(
                            EnumSet.complementOf(
                                    EnumSet.of(
                                            AlertKind.PREDICTED_BREACH,
                                            AlertKind.PREDICTION_CLEARED)));
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
            for (StatsSample sample : sla.samples()) {
                for (StatsBucket bucket : StatsSamples.buckets(sample)) {
                    assertThat(
                                    SchemaContractTest.validate(
                                            "stats-record",
                                            ElasticsearchIndices.statsRecord(bucket)))
                            .as(bucket.id)
                            .isEmpty();
                }
            }
            Map<String, ClockView> lastViews = new HashMap<>();
            for (ClockView view : sla.clocks()) {
                assertThat(
                                SchemaContractTest.validate(
                                        "clock-view", Json.mapper().valueToTree(view)))
                        .as(view.clockId() + " " + view.phase())
                        .isEmpty();
                lastViews.put(view.clockId(), view);
            }
            for (ClockOutcome outcome : sla.outcomes()) {
                if (outcome.status() == OutcomeStatus.RUNNING) {
                    continue;
                }
                ClockView last = lastViews.get(outcome.outcomeId());
                assertThat(
                                List.of(
                                        last.phase().name(),
                                        last.endedAt(),
                                        last.elapsedBusinessSeconds(),
                                        last.pausedBusinessSeconds(),
                                        last.lateSeconds()))
                        .as(outcome.outcomeId())
                        .isEqualTo(
                                List.of(
                                        outcome.status().name(),
                                        outcome.endedAt(),
                                        outcome.elapsedBusinessSeconds(),
                                        outcome.pausedBusinessSeconds(),
                                        outcome.lateSeconds()));
            }
        }
    }
}

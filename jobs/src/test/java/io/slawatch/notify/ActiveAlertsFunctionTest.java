package io.slawatch.notify;

import static io.slawatch.notify.NotifyScenarios.EVERYTHING_TO_ALL;
import static io.slawatch.notify.NotifyScenarios.atRisk;
import static io.slawatch.notify.NotifyScenarios.breached;
import static io.slawatch.notify.NotifyScenarios.escalated;
import static io.slawatch.notify.NotifyScenarios.metLate;
import static io.slawatch.notify.NotifyScenarios.outcome;
import static io.slawatch.notify.NotifyScenarios.retracted;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.OutcomeStatus;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActiveAlertsFunctionTest {

    /** Processing time when the alerts arrive; the scenario receivers re-send every 5 s. */
    static final long ARRIVED = 1_000_000;

    static final long ONE_RESEND_LATER = ARRIVED + 5_000;
    static final long KAFKA_TIME = 42;

    KeyedOneInputStreamOperatorTestHarness<String, Routed, Delivery> harness;

    static KeyedOneInputStreamOperatorTestHarness<String, Routed, Delivery> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ActiveAlertsFunction(EVERYTHING_TO_ALL)),
                Routed::key,
                Types.STRING);
    }

    @BeforeEach
    void open() throws Exception {
        harness = harness();
        harness.open();
        harness.setProcessingTime(ARRIVED);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    void receive(String receiver, Alert alert) throws Exception {
        harness.processElement(new Routed(receiver, Notice.of(alert, KAFKA_TIME)), 0);
    }

    void receive(String receiver, ClockOutcome outcome) throws Exception {
        harness.processElement(new Routed(receiver, Notice.of(outcome, KAFKA_TIME)), 0);
    }

    List<Delivery> delivered() {
        List<Delivery> out = harness.extractOutputValues();
        harness.getOutput().clear();
        return out;
    }

    static Delivery delivery(String receiver, DeliveryAction action, Alert alert, long kafka) {
        return Delivery.of(receiver, action, alert, kafka);
    }

    @Test
    void shouldResendAFiringBreachToAlertmanagerEveryIntervalUntilTheClockStopsLate()
            throws Exception {
        receive("ops", breached());
        assertThat(delivered())
                .containsExactly(delivery("ops", DeliveryAction.FIRING, breached(), KAFKA_TIME));

        harness.setProcessingTime(ONE_RESEND_LATER);
        assertThat(delivered())
                .containsExactly(
                        delivery(
                                "ops",
                                DeliveryAction.FIRING,
                                breached(),
                                ActiveAlertsFunction.NOT_TIMED));

        receive("ops", metLate());
        assertThat(delivered())
                .containsExactly(delivery("ops", DeliveryAction.RESOLVED, breached(), KAFKA_TIME));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void shouldResolveARetractedBreachAndLeaveTheWarningToTheOutcome() throws Exception {
        receive("ops", atRisk());
        receive("ops", breached());
        delivered();

        receive("ops", retracted());
        assertThat(delivered())
                .containsExactly(delivery("ops", DeliveryAction.RESOLVED, breached(), KAFKA_TIME));

        receive("ops", outcome(OutcomeStatus.MET));
        assertThat(delivered())
                .containsExactly(delivery("ops", DeliveryAction.RESOLVED, atRisk(), KAFKA_TIME));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void shouldNotFireTheSameAlertTwice() throws Exception {
        receive("ops", breached());
        receive("ops", breached());

        assertThat(delivered())
                .containsExactly(delivery("ops", DeliveryAction.FIRING, breached(), KAFKA_TIME));
    }

    @Test
    void shouldSendAWebhookEveryAlertAsAnEventAndKeepNothing() throws Exception {
        receive("hooks", breached());
        receive("hooks", retracted());

        assertThat(delivered())
                .containsExactly(
                        delivery("hooks", DeliveryAction.EVENT, breached(), KAFKA_TIME),
                        delivery("hooks", DeliveryAction.EVENT, retracted(), KAFKA_TIME));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void shouldResolveAPagerDutyIncidentOnceWhenItsCycleEnds() throws Exception {
        receive("on-call", breached());
        receive("on-call", escalated());
        delivered();

        receive("on-call", outcome(OutcomeStatus.MET_LATE));

        assertThat(delivered())
                .containsExactly(
                        delivery("on-call", DeliveryAction.RESOLVED, breached(), KAFKA_TIME));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).as("PagerDuty needs no resends").isZero();
    }

    @Test
    void shouldResolveNothingForAnOutcomeOfACycleThatNeverFired() throws Exception {
        receive("ops", outcome(OutcomeStatus.CANCELLED));

        assertThat(delivered()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void shouldKeepFiringAlertsAndTheirResendsThroughARestore() throws Exception {
        receive("ops", breached());
        delivered();
        var snapshot = harness.snapshot(1, ARRIVED);
        harness.close();

        harness = harness();
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        harness.setProcessingTime(ONE_RESEND_LATER);

        assertThat(delivered())
                .containsExactly(
                        delivery(
                                "ops",
                                DeliveryAction.FIRING,
                                breached(),
                                ActiveAlertsFunction.NOT_TIMED));
    }
}

package io.slawatch.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.Alert;
import io.slawatch.model.Channel;
import io.slawatch.model.Complexity;
import io.slawatch.model.Priority;
import io.slawatch.model.TicketAttributes;
import io.slawatch.policy.Policies;
import io.slawatch.policy.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Predictions of URGENT on-site tickets created Monday 08:00 in Shanghai, due on site by 10:00,
 * under the default policy's prior (ETA error 10 min late on average, 20 min spread) until a
 * region's band has seen 20 arrivals.
 */
class ArrivalPredictionFunctionTest {

    static final SlaPolicy DEFAULT_POLICY = Policies.DEFAULT;
    static final Instant MONDAY_0800 = Instant.parse("2026-11-23T00:00:00Z");
    static final Instant MONDAY_0810 = MONDAY_0800.plus(Duration.ofMinutes(10));
    static final Instant MONDAY_0840 = MONDAY_0800.plus(Duration.ofMinutes(40));
    static final Instant MONDAY_0900 = MONDAY_0800.plus(Duration.ofHours(1));
    static final Instant MONDAY_0920 = MONDAY_0800.plus(Duration.ofMinutes(80));
    static final Instant MONDAY_0925 = MONDAY_0800.plus(Duration.ofMinutes(85));
    static final Instant MONDAY_0930 = MONDAY_0800.plus(Duration.ofMinutes(90));
    static final Instant MONDAY_0955 = MONDAY_0800.plus(Duration.ofMinutes(115));
    static final Instant MONDAY_1000 = MONDAY_0800.plus(Duration.ofHours(2));
    static final Instant MONDAY_1005 = MONDAY_1000.plus(Duration.ofMinutes(5));
    static final Instant MONDAY_1030 = MONDAY_1000.plus(Duration.ofMinutes(30));
    static final String PUDONG = "pudong";
    static final String XUHUI = "xuhui";

    KeyedOneInputStreamOperatorTestHarness<String, EtaSignal, Alert> predictions;

    @BeforeEach
    void open() throws Exception {
        predictions =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new ArrivalPredictionFunction(DEFAULT_POLICY)),
                        EtaSignal::region,
                        Types.STRING);
        predictions.open();
    }

    @AfterEach
    void close() throws Exception {
        predictions.close();
    }

    @Test
    void shouldPredictFromThePriorThenClearWhenABetterEtaComes() throws Exception {
        // ETA 09:30: slack 30 - 10 min = one spread: 15.9 % likely late, nothing to say.
        send(eta("T-1", MONDAY_0810, MONDAY_0930));
        // ETA 09:55: slack 5 - 10 min = -0.25 spread: 59.9 %.
        send(eta("T-1", MONDAY_0840, MONDAY_0955));
        // ETA 09:20: slack 40 - 10 min = 1.5 spreads: 6.7 %.
        send(eta("T-1", MONDAY_0900, MONDAY_0920));
        watermark(MONDAY_0900);

        assertThat(lines())
                .containsExactly(
                        "T-1:ARRIVAL:1:PREDICTED_BREACH:1 @08:40 arrival 10:05 late 300 s p=0.5987",
                        "T-1:ARRIVAL:1:PREDICTION_CLEARED:1 @09:00 arrival 09:30 late 0 s p=0.0668"
                                + " clears T-1:ARRIVAL:1:PREDICTED_BREACH:1");
    }

    @Test
    void shouldEndThePredictionAtTheArrivalAndKeepNothingButTheModel() throws Exception {
        send(eta("T-1", MONDAY_0840, MONDAY_0955));
        send(arrived("T-1", MONDAY_1005));
        watermark(MONDAY_1030);

        assertThat(lines())
                .containsExactly(
                        "T-1:ARRIVAL:1:PREDICTED_BREACH:1 @08:40 arrival 10:05 late 300 s p=0.5987",
                        "T-1:ARRIVAL:1:PREDICTION_CLEARED:1 @10:05 arrival 10:05 late 300 s p=1.0"
                                + " clears T-1:ARRIVAL:1:PREDICTED_BREACH:1");
        assertThat(predictions.numKeyedStateEntries())
                .as("the region's models only: ETA error and travel time")
                .isEqualTo(2);
        assertThat(predictions.numEventTimeTimers()).isZero();
    }

    @Test
    void shouldJudgeByWhatTheRegionLearnedOnceItHasSeenEnoughArrivals() throws Exception {
        // 20 Pudong technicians, ETAs 09:00-09:19, arriving 10 min early or late: mean 0, spread
        // 10 min 16 s.
        for (int i = 0; i < 20; i++) {
            String ticket = "L-" + i;
            Instant etaAt = MONDAY_0900.plus(Duration.ofMinutes(i));
            send(eta(ticket, MONDAY_0800.plus(Duration.ofMinutes(i)), etaAt));
            send(arrived(ticket, etaAt.plus(Duration.ofMinutes(i % 2 == 0 ? -10 : 10))));
        }
        // ETA 09:59 for a 10:00 deadline: 46.1 % as Pudong learned, 67.4 % under the prior
        // where nothing was learned.
        Instant at = MONDAY_0955.minus(Duration.ofMinutes(1));
        Instant etaAt = MONDAY_1000.minus(Duration.ofMinutes(1));
        send(eta("T-1", at, etaAt));
        send(eta("T-2", at, etaAt, XUHUI));
        watermark(MONDAY_1000);

        assertThat(lines())
                .containsExactly(
                        "T-2:ARRIVAL:1:PREDICTED_BREACH:1 @09:54 arrival 10:09 late 540 s p=0.6736");
    }

    @Test
    void shouldApplyEtasInEventTimeOrderWhateverOrderTheyCameIn() throws Exception {
        send(eta("T-1", MONDAY_0900, MONDAY_0920));
        send(eta("T-1", MONDAY_0840, MONDAY_0955));
        watermark(MONDAY_0900);
        // Behind the watermark: judged at once, at its own time.
        send(eta("T-1", MONDAY_0840.plusSeconds(60), MONDAY_1030));

        assertThat(lines())
                .containsExactly(
                        "T-1:ARRIVAL:1:PREDICTED_BREACH:1 @08:40 arrival 10:05 late 300 s p=0.5987",
                        "T-1:ARRIVAL:1:PREDICTION_CLEARED:1 @09:00 arrival 09:30 late 0 s p=0.0668"
                                + " clears T-1:ARRIVAL:1:PREDICTED_BREACH:1",
                        "T-1:ARRIVAL:1:PREDICTED_BREACH:2 @08:41 arrival 10:40 late 2400 s p=0.9772");
    }

    @Test
    void shouldSayNothingOnceTheDeadlineHasCome() throws Exception {
        send(eta("T-1", MONDAY_1000, MONDAY_1030));
        watermark(MONDAY_1030);

        assertThat(lines()).isEmpty();
    }

    @Test
    void shouldForgetATicketWhoseCycleEndsWithoutArrival() throws Exception {
        send(eta("T-1", MONDAY_0840, MONDAY_0955));
        send(signal(EtaSignal.Kind.ENDED, "T-1", MONDAY_0900));
        watermark(MONDAY_1030);

        assertThat(lines())
                .containsExactly(
                        "T-1:ARRIVAL:1:PREDICTED_BREACH:1 @08:40 arrival 10:05 late 300 s p=0.5987",
                        "T-1:ARRIVAL:1:PREDICTION_CLEARED:1 @09:00 arrival 09:00 late 0 s p=0.0"
                                + " clears T-1:ARRIVAL:1:PREDICTED_BREACH:1");
        assertThat(predictions.numKeyedStateEntries()).isZero();
        assertThat(predictions.numEventTimeTimers()).isZero();
    }

    // Tickets nobody has been dispatched to yet, judged by the region's travel times.

    /**
     * 20 URGENT Pudong trips with exact ETAs, dispatched from 05:00, half taking 30 minutes and
     * half 2 hours: a median trip of 1 hour, a spread of 0.7112 in its logarithm.
     */
    void learnTravelTimes() throws Exception {
        for (int i = 0; i < 20; i++) {
            String ticket = "L-" + i;
            Instant dispatchedAt = MONDAY_0800.minus(Duration.ofHours(3)).plusSeconds(i * 60L);
            Instant arrivedAt = dispatchedAt.plus(Duration.ofMinutes(i % 2 == 0 ? 30 : 120));
            send(eta(ticket, dispatchedAt, arrivedAt));
            send(arrived(ticket, arrivedAt));
        }
        watermark(MONDAY_0800.minusSeconds(1));
    }

    @Test
    void shouldPredictAWaitingTicketWhenItsDispatchBecomesOverdue() throws Exception {
        learnTravelTimes();
        // Due at 10:00: a dispatch later than 09:00 (the median trip before it) is likely late.
        send(waiting("T-1", MONDAY_0800));
        watermark(MONDAY_0840);
        assertThat(lines()).isEmpty();

        watermark(MONDAY_0900);
        assertThat(lines())
                .containsExactly(
                        "T-1:ARRIVAL:1:PREDICTED_BREACH:1 @09:00 arrival 10:00 late 0 s p=0.5");
    }

    @Test
    void shouldJudgeAtOnceAWaitingTicketWhoseDispatchIsAlreadyOverdue() throws Exception {
        learnTravelTimes();
        // 30 minutes left: P(trip > 30 min) = 1 - Φ((ln 1800 - ln 3600) / 0.7112) = 83.5 %.
        send(waiting("T-1", MONDAY_0930));
        watermark(MONDAY_0930);

        assertThat(lines())
                .containsExactly(
                        "T-1:ARRIVAL:1:PREDICTED_BREACH:1 @09:30 arrival 10:30 late 1800 s"
                                + " p=0.8351");
    }

    @Test
    void shouldClearAWaitingPredictionWhenTheTechnicianSetsOffWithAnEtaInTime() throws Exception {
        learnTravelTimes();
        send(waiting("T-1", MONDAY_0800));
        watermark(MONDAY_0900);
        send(eta("T-1", MONDAY_0900.plusSeconds(60), MONDAY_0920));
        watermark(MONDAY_0920);

        assertThat(lines())
                .containsExactly(
                        "T-1:ARRIVAL:1:PREDICTED_BREACH:1 @09:00 arrival 10:00 late 0 s p=0.5",
                        // The ETA's band (07-10) has learned nothing: the prior's 10 min late.
                        "T-1:ARRIVAL:1:PREDICTION_CLEARED:1 @09:01 arrival 09:30 late 0 s"
                                + " p=0.0668 clears T-1:ARRIVAL:1:PREDICTED_BREACH:1");
    }

    @Test
    void shouldSayNothingOfAWaitingTicketDispatchedBeforeItsDispatchWasOverdue() throws Exception {
        learnTravelTimes();
        send(waiting("T-1", MONDAY_0800));
        send(dispatched("T-1", MONDAY_0840));
        watermark(MONDAY_1030);

        assertThat(lines()).isEmpty();
    }

    @Test
    void shouldSayNothingOfAWaitingTicketWhileTheRegionsTravelTimesAreUnknown() throws Exception {
        send(waiting("T-1", MONDAY_0800));
        watermark(MONDAY_1030);

        assertThat(lines()).isEmpty();
        assertThat(predictions.numEventTimeTimers())
                .as("the ticket's safety timer only: its check at 09:00 was taken")
                .isEqualTo(1);
    }

    static EtaSignal waiting(String ticketId, Instant at) {
        return signal(EtaSignal.Kind.WAITING, ticketId, at);
    }

    static EtaSignal dispatched(String ticketId, Instant at) {
        return signal(EtaSignal.Kind.DISPATCHED, ticketId, at);
    }

    private static EtaSignal signal(EtaSignal.Kind kind, String ticketId, Instant at) {
        return new EtaSignal(
                kind,
                ticketId,
                1,
                at.toEpochMilli(),
                0,
                MONDAY_0800.toEpochMilli(),
                MONDAY_1000.toEpochMilli(),
                7200,
                attributes());
    }

    static EtaSignal eta(String ticketId, Instant at, Instant etaAt) {
        return eta(ticketId, at, etaAt, PUDONG);
    }

    static EtaSignal eta(String ticketId, Instant at, Instant etaAt, String region) {
        return new EtaSignal(
                EtaSignal.Kind.ETA,
                ticketId,
                1,
                at.toEpochMilli(),
                etaAt.toEpochMilli(),
                MONDAY_0800.toEpochMilli(),
                MONDAY_1000.toEpochMilli(),
                7200,
                attributes(region));
    }

    static EtaSignal arrived(String ticketId, Instant at) {
        return signal(EtaSignal.Kind.ARRIVED, ticketId, at);
    }

    static TicketAttributes attributes() {
        return attributes(PUDONG);
    }

    static TicketAttributes attributes(String region) {
        return new TicketAttributes(
                Channel.PHONE,
                Priority.URGENT,
                Complexity.STANDARD,
                "a-1",
                "t-pudong-2",
                "field",
                region,
                DEFAULT_POLICY.version(),
                null);
    }

    void send(EtaSignal signal) throws Exception {
        predictions.processElement(new StreamRecord<>(signal, signal.at()));
    }

    void watermark(Instant at) throws Exception {
        predictions.processWatermark(new Watermark(at.toEpochMilli()));
    }

    /** Each alert as one line: id, event time, predicted arrival, lateness, probability. */
    List<String> lines() {
        return predictions.extractOutputValues().stream()
                .map(
                        a ->
                                a.alertId()
                                        + " @"
                                        + local(a.eventTime())
                                        + " arrival "
                                        + local(a.predictedArrivalAt())
                                        + " late "
                                        + a.predictedLateSeconds()
                                        + " s p="
                                        + a.probability()
                                        + (a.retractsAlertId() == null
                                                ? ""
                                                : " clears " + a.retractsAlertId()))
                .toList();
    }

    static String local(Instant at) {
        return at.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalTime().toString();
    }
}

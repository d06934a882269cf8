package io.slawatch.predict;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockType;
import io.slawatch.policy.PredictionPolicy;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.time.Inbox;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Predicts ARRIVAL breaches from technicians' ETAs, keyed by region: each ETA is judged under the
 * region's learned ETA error ({@link EtaErrorModel}); from the policy's minimum probability a
 * PREDICTED_BREACH fires at the ETA's event time, and a later ETA that brings the probability below
 * it fires PREDICTION_CLEARED. An arrival teaches the model its error and ends the prediction.
 *
 * <p>A ticket nobody has been dispatched to yet is judged by the region's learned travel times
 * ({@link TravelTimeModel}): it is checked again at the instant a dispatch still pending makes the
 * arrival likely late, and the prediction fires then if nobody has been dispatched. Without these,
 * every breach whose technician left after the deadline (a quarter of them on simulated traffic)
 * would come unannounced.
 *
 * <p>Signals and checks wait in {@link Inbox}es for the watermark and apply in event-time order
 * (ties by ticket, signals before checks), so the models, and the alerts, are the same at any
 * parallelism.
 */
public final class ArrivalPredictionFunction
        extends KeyedProcessFunction<String, EtaSignal, Alert> {

    private static final long serialVersionUID = 1L;

    private static final Comparator<EtaSignal> TIE_ORDER =
            Comparator.comparing(EtaSignal::ticketId)
                    .thenComparing(EtaSignal::kind)
                    .thenComparingLong(EtaSignal::etaAt);

    private final PredictionPolicy rules;
    private final ZoneId zone;
    private final Duration horizon;

    /** The region's models: a few numbers per band and per priority, kept for the job's life. */
    private transient ValueState<EtaErrorModel> model;

    private transient ValueState<TravelTimeModel> travel;

    /**
     * Tickets with an ARRIVAL cycle seen, by ticketId: removed at their ARRIVED or end, or a safety
     * horizon after their latest signal (a ticket that never ends would otherwise stay).
     */
    private transient MapState<String, PredictedArrival> tickets;

    private transient Inbox<EtaSignal> inbox;

    /**
     * WAITING signals due to be judged again, at the instant their dispatch is overdue: each taken
     * at its own timer, so none stays.
     */
    private transient Inbox<EtaSignal> checks;

    private transient Counter predicted;

    public ArrivalPredictionFunction(SlaPolicy policy) {
        this.rules = policy.prediction();
        // Hour bands are local to the ARRIVAL clock's (first) calendar.
        var arrival = policy.clock(ClockType.ARRIVAL);
        this.zone = policy.calendar(arrival.targets().get(0).calendar()).zone();
        this.horizon = policy.safetyHorizon();
    }

    @Override
    public void open(OpenContext openContext) {
        model =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "eta-error-model",
                                        TypeInformation.of(EtaErrorModel.class)));
        tickets =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "predicted-arrivals",
                                        Types.STRING,
                                        TypeInformation.of(PredictedArrival.class)));
        travel =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "travel-time-model",
                                        TypeInformation.of(TravelTimeModel.class)));
        inbox = new Inbox<>(getRuntimeContext(), "eta-inbox", TypeInformation.of(EtaSignal.class));
        checks =
                new Inbox<>(
                        getRuntimeContext(), "waiting-checks", TypeInformation.of(EtaSignal.class));
        predicted = getRuntimeContext().getMetricGroup().counter("arrivalBreachesPredicted");
    }

    @Override
    public void processElement(EtaSignal signal, Context ctx, Collector<Alert> out)
            throws Exception {
        if (!inbox.offer(signal, signal.at(), ctx.timerService())) {
            apply(signal, ctx, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        List<EtaSignal> due = new ArrayList<>(inbox.take(timestamp));
        due.sort(TIE_ORDER);
        for (EtaSignal signal : due) {
            apply(signal, ctx, out);
        }
        List<EtaSignal> dueChecks = new ArrayList<>(checks.take(timestamp));
        dueChecks.sort(TIE_ORDER);
        for (EtaSignal check : dueChecks) {
            check(check, ctx, out);
        }
        if (!due.isEmpty() || !dueChecks.isEmpty()) {
            return; // an inbox instant; the tickets are swept at their safety timers only
        }
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, PredictedArrival> entry : tickets.entries()) {
            if (entry.getValue().lastAt + horizon.toMillis() <= timestamp) {
                stale.add(entry.getKey());
            }
        }
        for (String ticketId : stale) {
            tickets.remove(ticketId);
        }
    }

    private void apply(EtaSignal signal, Context ctx, Collector<Alert> out) throws Exception {
        PredictedArrival arrival = tickets.get(signal.ticketId());
        boolean ends =
                signal.kind() == EtaSignal.Kind.ARRIVED || signal.kind() == EtaSignal.Kind.ENDED;
        if (arrival != null && ends) {
            forget(signal.ticketId(), arrival, ctx);
            if (arrival.predicted && arrival.cycle == signal.cycle()) {
                endPrediction(signal, arrival, out);
            }
        }
        switch (signal.kind()) {
            case ENDED -> {}
            case ARRIVED -> {
                if (arrival != null && arrival.cycle == signal.cycle()) {
                    learn(arrival, signal);
                }
            }
            case WAITING, DISPATCHED, ETA -> {
                if (arrival != null) {
                    ctx.timerService().deleteEventTimeTimer(arrival.lastAt + horizon.toMillis());
                }
                if (arrival == null || arrival.cycle != signal.cycle()) {
                    arrival = new PredictedArrival();
                    arrival.cycle = signal.cycle();
                }
                arrival.lastAt = signal.at();
                if (signal.kind() == EtaSignal.Kind.WAITING) {
                    if (arrival.dispatchedAt == PredictedArrival.NONE) {
                        arrival.waitingFor = signal.deadline();
                        awaitDispatch(signal, arrival, ctx, out);
                    }
                } else {
                    if (arrival.dispatchedAt == PredictedArrival.NONE) {
                        arrival.dispatchedAt = signal.at();
                    }
                    if (signal.kind() == EtaSignal.Kind.ETA) {
                        arrival.lastEta = signal.etaAt();
                        judge(signal, arrival, out);
                    }
                }
                tickets.put(signal.ticketId(), arrival);
                ctx.timerService().registerEventTimeTimer(signal.at() + horizon.toMillis());
            }
        }
    }

    /**
     * Clears a prediction standing when its cycle ends: an arrival says how it came out
     * (probability 1 when after the deadline, else 0), an end without one that it no longer
     * matters.
     */
    private void endPrediction(EtaSignal end, PredictedArrival arrival, Collector<Alert> out) {
        boolean late = end.kind() == EtaSignal.Kind.ARRIVED && end.at() > end.deadline();
        arrival.predicted = false;
        out.collect(
                alert(
                        end,
                        end.at(),
                        AlertKind.PREDICTION_CLEARED,
                        arrival,
                        end.at(),
                        late ? 1.0 : 0.0));
    }

    /** What an arrival teaches: the error of the last ETA, and the time since the dispatch. */
    private void learn(PredictedArrival arrival, EtaSignal signal) throws Exception {
        if (arrival.lastEta != PredictedArrival.NONE) {
            EtaErrorModel learned = model();
            learned.learn(
                    EtaErrorModel.band(arrival.lastEta, zone),
                    (signal.at() - arrival.lastEta) / 1000.0);
            model.update(learned);
        }
        if (arrival.dispatchedAt != PredictedArrival.NONE && signal.attributes() != null) {
            TravelTimeModel trips = travel();
            trips.learn(
                    signal.attributes().priority(), (signal.at() - arrival.dispatchedAt) / 1000.0);
            travel.update(trips);
        }
    }

    /**
     * A cycle waiting for a technician: judged now if a dispatch is already overdue, else checked
     * again when it will be (or halfway to the deadline while the region's travel times are not
     * learned).
     */
    private void awaitDispatch(
            EtaSignal waiting, PredictedArrival arrival, Context ctx, Collector<Alert> out)
            throws Exception {
        if (waiting.at() >= waiting.deadline() || waiting.attributes() == null) {
            return;
        }
        var priority = waiting.attributes().priority();
        TravelTimeModel trips = travel();
        long checkAt =
                trips.learned(priority, rules)
                        ? waiting.deadline()
                                - Math.round(
                                        trips.secondsNeeded(priority, rules.minProbability())
                                                * 1000)
                        : (waiting.startedAt() + waiting.deadline()) / 2;
        if (checkAt <= waiting.at()) {
            judgeWaiting(waiting, waiting.at(), arrival, trips, out);
            return;
        }
        EtaSignal check =
                new EtaSignal(
                        EtaSignal.Kind.WAITING,
                        waiting.ticketId(),
                        waiting.cycle(),
                        checkAt,
                        0,
                        waiting.startedAt(),
                        waiting.deadline(),
                        waiting.targetSeconds(),
                        waiting.attributes());
        checks.keep(check, checkAt, ctx.timerService());
    }

    /** A waiting cycle's check: still nobody dispatched, same deadline? Judged now. */
    private void check(EtaSignal check, Context ctx, Collector<Alert> out) throws Exception {
        PredictedArrival arrival = tickets.get(check.ticketId());
        if (arrival == null
                || arrival.cycle != check.cycle()
                || arrival.dispatchedAt != PredictedArrival.NONE
                || arrival.waitingFor != check.deadline()) {
            return;
        }
        TravelTimeModel trips = travel();
        if (trips.learned(check.attributes().priority(), rules)) {
            judgeWaiting(check, check.at(), arrival, trips, out);
            tickets.put(check.ticketId(), arrival);
        }
    }

    /** Fires the prediction of a cycle nobody was dispatched to by {@code now}, if likely late. */
    private void judgeWaiting(
            EtaSignal waiting,
            long now,
            PredictedArrival arrival,
            TravelTimeModel trips,
            Collector<Alert> out) {
        var priority = waiting.attributes().priority();
        if (arrival.predicted || now >= waiting.deadline() || !trips.learned(priority, rules)) {
            return;
        }
        double probability = trips.probabilityLate(priority, (waiting.deadline() - now) / 1000.0);
        if (probability < rules.minProbability()) {
            return;
        }
        long predictedArrival = now + Math.round(trips.medianSeconds(priority) * 1000);
        arrival.predictions++;
        arrival.predicted = true;
        predicted.inc();
        out.collect(
                alert(
                        waiting,
                        now,
                        AlertKind.PREDICTED_BREACH,
                        arrival,
                        predictedArrival,
                        probability));
    }

    /**
     * Drops a ticket that arrived or ended, and its safety timer. (Another ticket of the region
     * whose latest signal came at the same millisecond shares that timer; it is still dropped at
     * its own arrival or end.)
     */
    private void forget(String ticketId, PredictedArrival arrival, Context ctx) throws Exception {
        tickets.remove(ticketId);
        ctx.timerService().deleteEventTimeTimer(arrival.lastAt + horizon.toMillis());
    }

    /** Fires or clears the cycle's prediction as the new ETA's probability says. */
    private void judge(EtaSignal signal, PredictedArrival arrival, Collector<Alert> out)
            throws Exception {
        if (signal.at() >= signal.deadline()) {
            return; // the deadline itself has come: BREACHED says it, not a prediction
        }
        EtaErrorModel current = model();
        int band = EtaErrorModel.band(signal.etaAt(), zone);
        double probability =
                current.probabilityLate(band, signal.etaAt(), signal.deadline(), rules);
        long predictedArrival =
                signal.etaAt() + Math.round(current.meanSeconds(band, rules) * 1000);
        boolean likely = probability >= rules.minProbability();
        if (likely && !arrival.predicted) {
            arrival.predictions++;
            arrival.predicted = true;
            predicted.inc();
            out.collect(
                    alert(
                            signal,
                            signal.at(),
                            AlertKind.PREDICTED_BREACH,
                            arrival,
                            predictedArrival,
                            probability));
        } else if (!likely && arrival.predicted) {
            arrival.predicted = false;
            out.collect(
                    alert(
                            signal,
                            signal.at(),
                            AlertKind.PREDICTION_CLEARED,
                            arrival,
                            predictedArrival,
                            probability));
        }
    }

    private Alert alert(
            EtaSignal signal,
            long at,
            AlertKind kind,
            PredictedArrival arrival,
            long predictedArrival,
            double probability) {
        String predictionId =
                Alert.alertId(
                        signal.ticketId(),
                        ClockType.ARRIVAL,
                        signal.cycle(),
                        AlertKind.PREDICTED_BREACH,
                        arrival.predictions);
        return new Alert(
                Alert.alertId(
                        signal.ticketId(),
                        ClockType.ARRIVAL,
                        signal.cycle(),
                        kind,
                        arrival.predictions),
                signal.ticketId(),
                ClockType.ARRIVAL,
                kind,
                arrival.predictions,
                signal.cycle(),
                Instant.ofEpochMilli(signal.startedAt()),
                Instant.ofEpochMilli(signal.deadline()),
                Instant.ofEpochMilli(at),
                signal.targetSeconds(),
                null,
                null,
                kind == AlertKind.PREDICTION_CLEARED ? predictionId : null,
                Instant.ofEpochMilli(predictedArrival),
                Math.max(0, Math.floorDiv(predictedArrival - signal.deadline(), 1000)),
                probability,
                signal.attributes());
    }

    private TravelTimeModel travel() throws Exception {
        TravelTimeModel current = travel.value();
        return current == null ? new TravelTimeModel() : current;
    }

    private EtaErrorModel model() throws Exception {
        EtaErrorModel current = model.value();
        return current == null ? new EtaErrorModel() : current;
    }
}

package io.slawatch.notify;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.OutcomeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per receiver and ticket: what each receiver is told. A webhook gets every alert as an event.
 * Alertmanager and PagerDuty get firing alerts, kept in state until the clock cycle ends (its
 * outcome, a MET_LATE alert) or the breach is RETRACTED, which sends the resolution; Alertmanager
 * is told again every {@code resendInterval} that they still fire, so its {@code resolve_timeout}
 * never ends them. State and timer survive restarts: nothing is forgotten or sent as new twice.
 */
public final class ActiveAlertsFunction extends KeyedProcessFunction<String, Routed, Delivery> {

    private static final long serialVersionUID = 1L;

    /** A resend of an alert that already fired: not a new delivery, so not timed. */
    static final long NOT_TIMED = -1;

    private final NotifyConfig config;
    private transient Map<String, Receiver> receivers;

    /**
     * Alerts firing at this receiver for this ticket, by alert id. Cleared entry by entry when the
     * cycle ends, the alert is retracted, or it fired longer than {@code resendFor}; an alert whose
     * cycle never ends (a ticket abandoned without an outcome) stays at most that long.
     */
    private transient MapState<String, Firing> firing;

    /**
     * The next resend (Alertmanager only), processing time. Deleted when nothing fires any more;
     * without an ending it re-fires every interval until {@code resendFor} empties {@link #firing}.
     */
    private transient ValueState<Long> nextResend;

    public ActiveAlertsFunction(NotifyConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) {
        receivers = config.receiversByName();
        firing =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "firing", Types.STRING, TypeInformation.of(Firing.class)));
        nextResend =
                getRuntimeContext().getState(new ValueStateDescriptor<>("next-resend", Types.LONG));
    }

    @Override
    public void processElement(Routed routed, Context context, Collector<Delivery> out)
            throws Exception {
        Receiver receiver = receivers.get(routed.receiver());
        if (receiver == null) {
            return; // routed before a restart with a file that no longer has this receiver
        }
        Notice notice = routed.notice();
        long now = context.timerService().currentProcessingTime();
        if (notice.alert() == null) {
            ClockOutcome outcome = notice.outcome();
            if (outcome.status() != OutcomeStatus.RUNNING) {
                String cycle = outcome.ticketId() + ':' + outcome.clock() + ':' + outcome.cycle();
                resolveCycle(receiver, cycle, notice.kafkaTimestamp(), out);
            }
        } else if (!receiver.type().tracksFiring()) {
            out.collect(
                    Delivery.of(
                            receiver.name(),
                            DeliveryAction.EVENT,
                            notice.alert(),
                            notice.kafkaTimestamp()));
        } else {
            Alert alert = notice.alert();
            switch (alert.kind()) {
                case AT_RISK, BREACHED, ESCALATED, PREDICTED_BREACH -> {
                    if (!firing.contains(alert.alertId())) {
                        firing.put(alert.alertId(), new Firing(alert, now));
                        out.collect(
                                Delivery.of(
                                        receiver.name(),
                                        DeliveryAction.FIRING,
                                        alert,
                                        notice.kafkaTimestamp()));
                    }
                }
                case RETRACTED, PREDICTION_CLEARED ->
                        resolve(receiver, alert, notice.kafkaTimestamp(), out);
                case MET_LATE ->
                        resolveCycle(
                                receiver, Delivery.cycleKey(alert), notice.kafkaTimestamp(), out);
            }
        }
        schedule(receiver, context.timerService(), now);
    }

    /** The retracted alert ends; PagerDuty's incident only when nothing else of the cycle fires. */
    private void resolve(Receiver receiver, Alert retraction, long at, Collector<Delivery> out)
            throws Exception {
        Firing retracted = firing.get(retraction.retractsAlertId());
        if (retracted == null) {
            return;
        }
        firing.remove(retraction.retractsAlertId());
        if (receiver.type() == ReceiverType.ALERTMANAGER) {
            out.collect(
                    Delivery.of(receiver.name(), DeliveryAction.RESOLVED, retracted.alert(), at));
            return;
        }
        String cycle = Delivery.cycleKey(retracted.alert());
        for (Firing other : firing.values()) {
            if (Delivery.cycleKey(other.alert()).equals(cycle)) {
                return;
            }
        }
        out.collect(Delivery.of(receiver.name(), DeliveryAction.RESOLVED, retracted.alert(), at));
    }

    /** Everything of one clock cycle ends: one resolution each (PagerDuty: one for the cycle). */
    private void resolveCycle(Receiver receiver, String cycle, long at, Collector<Delivery> out)
            throws Exception {
        List<String> ended = new ArrayList<>();
        for (Map.Entry<String, Firing> entry : firing.entries()) {
            if (Delivery.cycleKey(entry.getValue().alert()).equals(cycle)) {
                ended.add(entry.getKey());
                if (receiver.type() == ReceiverType.ALERTMANAGER || ended.size() == 1) {
                    out.collect(
                            Delivery.of(
                                    receiver.name(),
                                    DeliveryAction.RESOLVED,
                                    entry.getValue().alert(),
                                    at));
                }
            }
        }
        for (String alertId : ended) {
            firing.remove(alertId);
        }
    }

    /** One resend timer while something fires at an Alertmanager; none otherwise. */
    private void schedule(Receiver receiver, TimerService timers, long now) throws Exception {
        Long next = nextResend.value();
        boolean anything = !firing.isEmpty();
        if (!anything) {
            if (next != null) {
                timers.deleteProcessingTimeTimer(next);
            }
            nextResend.clear();
            firing.clear();
        } else if (next == null && receiver.type() == ReceiverType.ALERTMANAGER) {
            long at = now + receiver.resendInterval().toMillis();
            timers.registerProcessingTimeTimer(at);
            nextResend.update(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Delivery> out)
            throws Exception {
        String receiverName =
                context.getCurrentKey().substring(0, context.getCurrentKey().indexOf('|'));
        Receiver receiver = receivers.get(receiverName);
        nextResend.clear();
        if (receiver == null) {
            firing.clear(); // the receiver left the notification file: nothing to resend to
            return;
        }
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, Firing> entry : firing.entries()) {
            if (timestamp - entry.getValue().since() >= receiver.resendFor().toMillis()) {
                expired.add(entry.getKey());
            } else {
                out.collect(
                        Delivery.of(
                                receiver.name(),
                                DeliveryAction.FIRING,
                                entry.getValue().alert(),
                                NOT_TIMED));
            }
        }
        for (String alertId : expired) {
            firing.remove(alertId);
        }
        schedule(receiver, context.timerService(), timestamp);
    }
}

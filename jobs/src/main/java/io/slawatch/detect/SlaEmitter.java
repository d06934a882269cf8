package io.slawatch.detect;

import static io.slawatch.detect.TicketSlaFunction.CLOCKS;
import static io.slawatch.detect.TicketSlaFunction.ETA_SIGNALS;
import static io.slawatch.detect.TicketSlaFunction.OUTCOMES;
import static io.slawatch.detect.TicketSlaFunction.QUARANTINE;
import static io.slawatch.detect.TicketSlaFunction.SAMPLES;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockView;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.TicketEvent;
import io.slawatch.predict.EtaSignal;
import io.slawatch.serde.Json;
import io.slawatch.stats.StatsSamples;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import org.apache.flink.util.Collector;

/** Routes the engine's decisions to {@link TicketSlaFunction}'s outputs and counters. */
final class SlaEmitter implements SlaOutput {

    private final SideOutput side;
    private final Collector<Alert> alerts;
    private final TicketMetrics metrics;
    private final Clock wallClock;

    SlaEmitter(SideOutput side, Collector<Alert> alerts, TicketMetrics metrics, Clock wallClock) {
        this.side = side;
        this.alerts = alerts;
        this.metrics = metrics;
        this.wallClock = wallClock;
    }

    @Override
    public void alert(Alert alert) {
        metrics.alert(alert.clock(), alert.kind());
        alerts.collect(alert);
        StatsSamples.of(alert).ifPresent(sample -> side.output(SAMPLES, sample));
    }

    @Override
    public void retraction(Alert retraction, Instant retractedEventTime) {
        alert(retraction);
        StatsSamples.retraction(retraction, retractedEventTime)
                .ifPresent(sample -> side.output(SAMPLES, sample));
    }

    @Override
    public void outcome(ClockOutcome outcome) {
        side.output(OUTCOMES, outcome);
        StatsSamples.of(outcome).ifPresent(sample -> side.output(SAMPLES, sample));
    }

    @Override
    public void clock(ClockView view) {
        side.output(CLOCKS, view);
    }

    @Override
    public void quarantine(TicketEvent event, QuarantineReason reason, String detail) {
        String payload;
        try {
            payload = Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        side.output(
                QUARANTINE,
                QuarantineRecord.ofJson(
                        payload,
                        reason,
                        detail,
                        wallClock.instant(),
                        event.ticketId(),
                        event.eventId()));
    }

    @Override
    public void eta(EtaSignal signal) {
        side.output(ETA_SIGNALS, signal);
    }

    @Override
    public void applied(TicketEvent event) {
        metrics.used();
    }

    @Override
    public void duplicate(TicketEvent event) {
        metrics.duplicate();
    }

    @Override
    public void expired(String ticketId) {
        metrics.expired();
    }
}

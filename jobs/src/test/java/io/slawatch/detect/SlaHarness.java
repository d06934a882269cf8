package io.slawatch.detect;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.TicketEvent;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.testkit.Checkout;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

/** {@link TicketSlaFunction} in Flink's keyed operator harness, with readable results. */
final class SlaHarness implements AutoCloseable {

    static final Path DEFAULT_POLICY = Checkout.resolve("deploy/policies/default.yaml");
    static final Instant QUARANTINED_AT = Instant.parse("2030-01-01T00:00:00Z");

    private final KeyedOneInputStreamOperatorTestHarness<String, TicketEvent, Alert> harness;

    private SlaHarness(SlaPolicy policy) throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new TicketSlaFunction(policy, Clock.fixed(QUARANTINED_AT, ZoneOffset.UTC)),
                        TicketEvent::ticketId,
                        Types.STRING);
    }

    static SlaHarness withDefaultPolicy() throws Exception {
        return new SlaHarness(PolicyLoader.load(DEFAULT_POLICY));
    }

    SlaHarness send(TicketEvents.Builder... events) throws Exception {
        for (TicketEvents.Builder event : events) {
            TicketEvent built = event.build();
            harness.processElement(built, built.occurredAt().toEpochMilli());
        }
        return this;
    }

    SlaHarness watermark(Instant at) throws Exception {
        harness.processWatermark(at.toEpochMilli());
        return this;
    }

    SlaHarness endOfInput() throws Exception {
        harness.processWatermark(Long.MAX_VALUE);
        return this;
    }

    List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    /** Each alert as {@code alertId @eventTime [overdue|remaining|retracts]}. */
    List<String> alertLines() {
        return alerts().stream().map(SlaHarness::line).collect(Collectors.toList());
    }

    List<ClockOutcome> outcomes() {
        return harness.getSideOutput(TicketSlaFunction.OUTCOMES) == null
                ? List.of()
                : harness.getSideOutput(TicketSlaFunction.OUTCOMES).stream()
                        .map(StreamRecord::getValue)
                        .collect(Collectors.toList());
    }

    /** Each outcome as {@code outcomeId STATUS elapsed=… paused=… late=… deadline=…}. */
    List<String> outcomeLines() {
        return outcomes().stream()
                .map(
                        o ->
                                o.outcomeId()
                                        + " "
                                        + o.status()
                                        + " elapsed="
                                        + o.elapsedBusinessSeconds()
                                        + " paused="
                                        + o.pausedBusinessSeconds()
                                        + " late="
                                        + o.lateSeconds()
                                        + " deadline="
                                        + o.deadline())
                .collect(Collectors.toList());
    }

    /** Each clock view as {@code clockId STATUS @updatedAt [remaining|overdue]}. */
    List<String> clockLines() {
        return harness.getSideOutput(TicketSlaFunction.CLOCKS) == null
                ? List.of()
                : harness.getSideOutput(TicketSlaFunction.CLOCKS).stream()
                        .map(StreamRecord::getValue)
                        .map(
                                v ->
                                        v.clockId()
                                                + " "
                                                + v.status()
                                                + " @"
                                                + v.updatedAt()
                                                + (v.remainingSeconds() != null
                                                        ? " remaining=" + v.remainingSeconds()
                                                        : "")
                                                + (v.overdueSeconds() != null
                                                        ? " overdue=" + v.overdueSeconds()
                                                        : ""))
                        .collect(Collectors.toList());
    }

    List<QuarantineRecord> quarantine() {
        return harness.getSideOutput(TicketSlaFunction.QUARANTINE) == null
                ? List.of()
                : harness.getSideOutput(TicketSlaFunction.QUARANTINE).stream()
                        .map(StreamRecord::getValue)
                        .collect(Collectors.toList());
    }

    int timers() {
        return harness.numEventTimeTimers();
    }

    int stateEntries() {
        return harness.numKeyedStateEntries();
    }

    static String line(Alert alert) {
        return alert.alertId()
                + " @"
                + alert.eventTime()
                + (alert.overdueSeconds() != null ? " overdue=" + alert.overdueSeconds() : "")
                + (alert.remainingSeconds() != null ? " remaining=" + alert.remainingSeconds() : "")
                + (alert.retractsAlertId() != null ? " retracts=" + alert.retractsAlertId() : "");
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}

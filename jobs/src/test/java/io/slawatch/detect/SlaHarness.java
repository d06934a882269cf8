package io.slawatch.detect;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockView;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.StatsSample;
import io.slawatch.model.TicketEvent;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.testkit.Checkout;
import io.slawatch.time.KeyedEventTimeBroadcastOperator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;

/** {@link TicketSlaFunction} in Flink's keyed operator harness, with readable results. */
final class SlaHarness implements AutoCloseable {

    /** The scenarios' own policy (see its header): tuning the shipped default leaves them alone. */
    static final Path SCENARIO_POLICY = Path.of("src/test/resources/policies/scenario.yaml");

    /** The scenario policy less the {@code office} calendar and the ARRIVAL clock. */
    static final Path WITHOUT_OFFICE_AND_ARRIVAL =
            Path.of("src/test/resources/policies/without-office-and-arrival.yaml");

    static final Instant QUARANTINED_AT = Instant.parse("2030-01-01T00:00:00Z");

    private final KeyedBroadcastOperatorTestHarness<String, TicketEvent, PolicyVersion, Alert>
            harness;

    private SlaHarness(SlaPolicy policy, OperatorSubtaskState restoredFrom) throws Exception {
        harness =
                new KeyedBroadcastOperatorTestHarness<>(
                        new KeyedEventTimeBroadcastOperator<>(
                                new TicketSlaFunction(
                                        policy,
                                        List.of(),
                                        Clock.fixed(QUARANTINED_AT, ZoneOffset.UTC)),
                                List.of(TicketSlaFunction.POLICY_VERSIONS)),
                        TicketEvent::ticketId,
                        Types.STRING,
                        1,
                        1,
                        0);
        harness.setup();
        if (restoredFrom != null) {
            harness.initializeState(restoredFrom);
        }
        harness.open();
    }

    /** The policy slawatch ships, {@code deploy/policies/default.yaml}. */
    static SlaHarness withDefaultPolicy() throws Exception {
        return new SlaHarness(PolicyLoader.load(Checkout.DEFAULT_POLICY), null);
    }

    static SlaHarness withScenarioPolicy() throws Exception {
        return new SlaHarness(PolicyLoader.load(SCENARIO_POLICY), null);
    }

    /** A job restored from {@code snapshot} under the policy in {@code file}. */
    static SlaHarness restoredUnder(Path file, OperatorSubtaskState snapshot) throws Exception {
        return new SlaHarness(PolicyLoader.load(file), snapshot);
    }

    /** A checkpoint of the operator, as a savepoint would hold it. */
    OperatorSubtaskState snapshot() throws Exception {
        return harness.snapshot(1, 1);
    }

    SlaHarness send(TicketEvents.Builder... events) throws Exception {
        for (TicketEvents.Builder event : events) {
            TicketEvent built = event.build();
            harness.processElement(built, built.occurredAt().toEpochMilli());
        }
        return this;
    }

    /** {@code policy} published, in force for tickets CREATED from {@code effectiveFrom}. */
    SlaHarness publish(Path policy, Instant effectiveFrom) throws Exception {
        harness.processBroadcastElement(PolicyVersion.of(policy, effectiveFrom), Long.MIN_VALUE);
        return this;
    }

    /** A version record as the topic would hand it over, whatever it holds. */
    SlaHarness publish(PolicyVersion version) throws Exception {
        harness.processBroadcastElement(version, Long.MIN_VALUE);
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

    List<StatsSample> samples() {
        return harness.getSideOutput(TicketSlaFunction.SAMPLES) == null
                ? List.of()
                : harness.getSideOutput(TicketSlaFunction.SAMPLES).stream()
                        .map(StreamRecord::getValue)
                        .collect(Collectors.toList());
    }

    /** The signals for the arrival predictions, one line each: kind, ticket, cycle, times. */
    List<String> etaSignals() {
        return harness.getSideOutput(TicketSlaFunction.ETA_SIGNALS) == null
                ? List.of()
                : harness.getSideOutput(TicketSlaFunction.ETA_SIGNALS).stream()
                        .map(StreamRecord::getValue)
                        .map(
                                s ->
                                        s.kind()
                                                + " "
                                                + s.ticketId()
                                                + ":"
                                                + s.cycle()
                                                + " @"
                                                + Instant.ofEpochMilli(s.at())
                                                + (s.etaAt() == 0
                                                        ? ""
                                                        : " eta=" + Instant.ofEpochMilli(s.etaAt()))
                                                + " deadline="
                                                + Instant.ofEpochMilli(s.deadline())
                                                + " tech="
                                                + s.attributes().techId()
                                                + " region="
                                                + s.region())
                        .collect(Collectors.toList());
    }

    List<ClockView> clocks() {
        return harness.getSideOutput(TicketSlaFunction.CLOCKS) == null
                ? List.of()
                : harness.getSideOutput(TicketSlaFunction.CLOCKS).stream()
                        .map(StreamRecord::getValue)
                        .collect(Collectors.toList());
    }

    /** Each clock view as {@code clockId STATUS @updatedAt [remaining|overdue]}. */
    List<String> clockLines() {
        return viewLines(
                v ->
                        " @"
                                + v.updatedAt()
                                + ifPresent(" remaining=", v.remainingSeconds())
                                + ifPresent(" overdue=", v.overdueSeconds()));
    }

    /**
     * Each clock view's tallies, the counts dashboards sum, as {@code clockId STATUS} and those
     * present of {@code breachedAt}, {@code escalatedAt}, {@code escalations} and {@code onTime}.
     */
    List<String> tallyLines() {
        return viewLines(
                v ->
                        ifPresent(" breachedAt=", v.breachedAt())
                                + ifPresent(" escalatedAt=", v.escalatedAt())
                                + ifPresent(" escalations=", v.escalations())
                                + ifPresent(" onTime=", v.onTime()));
    }

    private List<String> viewLines(Function<ClockView, String> detail) {
        return clocks().stream()
                .map(v -> v.clockId() + " " + v.phase() + detail.apply(v))
                .collect(Collectors.toList());
    }

    private static String ifPresent(String label, Object value) {
        return value == null ? "" : label + value;
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
        return ((HeapKeyedStateBackend<?>)
                        ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend())
                .numKeyValueStateEntries();
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

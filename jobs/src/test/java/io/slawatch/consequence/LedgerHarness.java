package io.slawatch.consequence;

import io.slawatch.detect.TicketSlaFunction;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.time.KeyedEventTimeBroadcastOperator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/** One ledger operator in Flink's keyed harness, with its entries as {@link Breaches#lines}. */
final class LedgerHarness<I> implements AutoCloseable {

    static final Instant QUARANTINED_AT = Instant.parse("2030-01-01T00:00:00Z");
    static final Clock QUARANTINE_CLOCK = Clock.fixed(QUARANTINED_AT, ZoneOffset.UTC);

    /** How an input and the watermark reach the operator, whichever harness holds it. */
    private record Input<I>(Send<I> send, Advance watermark) {}

    private interface Send<I> {
        void send(I input, long timestamp) throws Exception;
    }

    private interface Advance {
        void to(long watermark) throws Exception;
    }

    private final AbstractStreamOperatorTestHarness<LedgerEntry> harness;
    private final Input<I> input;
    private final KeySelector<I, String> key;

    private LedgerHarness(
            AbstractStreamOperatorTestHarness<LedgerEntry> harness,
            Input<I> input,
            KeySelector<I, String> key)
            throws Exception {
        this.harness = harness;
        this.input = input;
        this.key = key;
        harness.open();
    }

    private static <I> LedgerHarness<I> keyed(
            KeyedProcessFunction<String, I, LedgerEntry> function, KeySelector<I, String> key)
            throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(function), key, Types.STRING);
        return new LedgerHarness<>(
                harness, new Input<>(harness::processElement, harness::processWatermark), key);
    }

    /** {@code function} with the policy versions on its broadcast input, as the job wires it. */
    private static <I> LedgerHarness<I> versioned(
            VersionedLedgerFunction<I> function,
            KeySelector<I, String> key,
            OperatorSubtaskState restoredFrom)
            throws Exception {
        var harness =
                new KeyedBroadcastOperatorTestHarness<>(
                        new KeyedEventTimeBroadcastOperator<>(
                                function, List.of(TicketSlaFunction.POLICY_VERSIONS)),
                        key,
                        Types.STRING,
                        1,
                        1,
                        0);
        harness.setup();
        if (restoredFrom != null) {
            harness.initializeState(restoredFrom);
        }
        return new LedgerHarness<>(
                harness, new Input<>(harness::processElement, harness::processWatermark), key);
    }

    static LedgerHarness<CaseInput> cases(SlaPolicy policy) throws Exception {
        return cases(policy, List.of());
    }

    /**
     * Cases whose tickets ran on {@code policy} or, once CREATED under it, one of {@code versions}.
     */
    static LedgerHarness<CaseInput> cases(SlaPolicy policy, List<PolicyVersion> versions)
            throws Exception {
        return cases(policy, versions, null);
    }

    /** Cases restored from {@code snapshot} (null: none) under {@code policy}. */
    static LedgerHarness<CaseInput> cases(
            SlaPolicy policy, List<PolicyVersion> versions, OperatorSubtaskState snapshot)
            throws Exception {
        return versioned(
                new CaseFunction(policy, versions, QUARANTINE_CLOCK),
                CaseInput::ticketId,
                snapshot);
    }

    static LedgerHarness<Verdict> agents(SlaPolicy policy) throws Exception {
        return agents(policy, List.of());
    }

    static LedgerHarness<Verdict> agents(SlaPolicy policy, List<PolicyVersion> versions)
            throws Exception {
        return versioned(new AgentPenaltyFunction(policy, versions), Verdict::agentId, null);
    }

    static LedgerHarness<Verdict> teams(SlaPolicy policy) throws Exception {
        return teams(policy, List.of());
    }

    static LedgerHarness<Verdict> teams(SlaPolicy policy, List<PolicyVersion> versions)
            throws Exception {
        return versioned(new TeamPenaltyFunction(policy, versions), Verdict::team, null);
    }

    static LedgerHarness<ActionInput> actions(SlaPolicy policy) throws Exception {
        return keyed(new ActionDueFunction(policy, QUARANTINE_CLOCK), ActionInput::actionId);
    }

    LedgerHarness<I> send(I value, Instant at) throws Exception {
        input.send().send(value, at.toEpochMilli());
        return this;
    }

    /** {@code version} as the policies topic hands it over. */
    @SuppressWarnings("unchecked")
    LedgerHarness<I> publish(PolicyVersion version) throws Exception {
        ((KeyedBroadcastOperatorTestHarness<String, I, PolicyVersion, LedgerEntry>) harness)
                .processBroadcastElement(version, Long.MIN_VALUE);
        return this;
    }

    /** A checkpoint of the operator, as a savepoint would hold it. */
    OperatorSubtaskState snapshot() throws Exception {
        return harness.snapshot(1, 1);
    }

    LedgerHarness<I> watermark(Instant at) throws Exception {
        input.watermark().to(at.toEpochMilli());
        return this;
    }

    List<LedgerEntry> entries() {
        return harness.extractOutputValues();
    }

    List<String> lines() {
        return Breaches.lines(entries());
    }

    /** Clears what was emitted so far, for a scenario's next step. */
    LedgerHarness<I> forget() {
        harness.getOutput().clear();
        return this;
    }

    <T> List<T> side(OutputTag<T> tag) {
        var records = harness.getSideOutput(tag);
        return records == null
                ? List.of()
                : records.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    List<QuarantineRecord> quarantined(OutputTag<QuarantineRecord> tag) {
        return side(tag);
    }

    int timers() {
        return harness.numEventTimeTimers();
    }

    int stateEntries() {
        return ((HeapKeyedStateBackend<?>)
                        ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    KeySelector<I, String> key() {
        return key;
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}

package io.slawatch.consequence;

import io.slawatch.model.LedgerEntry;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.policy.SlaPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/** One ledger operator in Flink's keyed harness, with its entries as {@link Breaches#lines}. */
final class LedgerHarness<I> implements AutoCloseable {

    static final Instant QUARANTINED_AT = Instant.parse("2030-01-01T00:00:00Z");
    static final Clock QUARANTINE_CLOCK = Clock.fixed(QUARANTINED_AT, ZoneOffset.UTC);

    private final KeyedOneInputStreamOperatorTestHarness<String, I, LedgerEntry> harness;
    private final KeySelector<I, String> key;

    private LedgerHarness(
            KeyedProcessFunction<String, I, LedgerEntry> function, KeySelector<I, String> key)
            throws Exception {
        this.key = key;
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(function), key, Types.STRING);
        harness.open();
    }

    static LedgerHarness<CaseInput> cases(SlaPolicy policy) throws Exception {
        return new LedgerHarness<>(new CaseFunction(policy, QUARANTINE_CLOCK), CaseInput::ticketId);
    }

    static LedgerHarness<Verdict> agents(SlaPolicy policy) throws Exception {
        return new LedgerHarness<>(new AgentPenaltyFunction(policy), Verdict::agentId);
    }

    static LedgerHarness<Verdict> teams(SlaPolicy policy) throws Exception {
        return new LedgerHarness<>(new TeamPenaltyFunction(policy), Verdict::team);
    }

    static LedgerHarness<ActionInput> actions(SlaPolicy policy) throws Exception {
        return new LedgerHarness<>(
                new ActionDueFunction(policy, QUARANTINE_CLOCK), ActionInput::actionId);
    }

    LedgerHarness<I> send(I input, Instant at) throws Exception {
        harness.processElement(input, at.toEpochMilli());
        return this;
    }

    LedgerHarness<I> watermark(Instant at) throws Exception {
        harness.processWatermark(at.toEpochMilli());
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
        return harness.numKeyedStateEntries();
    }

    KeySelector<I, String> key() {
        return key;
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}

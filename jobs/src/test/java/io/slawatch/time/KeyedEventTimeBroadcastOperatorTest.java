package io.slawatch.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event time follows the keyed input alone, whatever the broadcast input's time and status. */
class KeyedEventTimeBroadcastOperatorTest {

    static final MapStateDescriptor<String, String> SETTINGS =
            new MapStateDescriptor<>("settings", Types.STRING, Types.STRING);

    /** A timer at each element's value; each timer says when it fired. */
    static final class TimerPerElement
            extends KeyedBroadcastProcessFunction<String, Long, String, String> {
        @Override
        public void processElement(Long at, ReadOnlyContext ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(at);
        }

        @Override
        public void processBroadcastElement(String setting, Context ctx, Collector<String> out) {}

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect("fired " + timestamp);
        }
    }

    KeyedBroadcastOperatorTestHarness<String, Long, String, String> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedBroadcastOperatorTestHarness<>(
                        new KeyedEventTimeBroadcastOperator<>(
                                new TimerPerElement(), List.of(SETTINGS)),
                        at -> "key",
                        Types.STRING,
                        1,
                        1,
                        0);
        harness.setup();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void shouldFireTimersOnTheKeyedInputsWatermarkBeforeTheBroadcastInputSentAny()
            throws Exception {
        harness.processElement(10L, 10L);
        harness.processWatermark(10L);

        assertThat(harness.extractOutputValues()).containsExactly("fired 10");
    }

    @Test
    void shouldNeverAdvanceEventTimeOnTheBroadcastInputsWatermark() throws Exception {
        harness.processElement(10L, 10L);
        harness.processBroadcastWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void shouldNotWaitForABroadcastInputThatTurnsActiveWithoutWatermarks() throws Exception {
        harness.processElement(10L, 10L);
        harness.processBroadcastElement("a setting", 0L);
        harness.getTwoInputOperator().processWatermarkStatus2(WatermarkStatus.IDLE);
        harness.getTwoInputOperator().processWatermarkStatus2(WatermarkStatus.ACTIVE);
        harness.processWatermark(10L);

        assertThat(harness.extractOutputValues()).containsExactly("fired 10");
    }
}

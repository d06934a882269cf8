package io.slawatch.time;

import java.util.List;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * A keyed broadcast operator whose event time is its keyed input's alone: the broadcast input
 * carries settings (policy versions), not events, so neither its watermarks nor its status (a
 * settings topic stays quiet for weeks) ever hold event time back. With both inputs' event time,
 * when a late event is applied would depend on which input's channel delivers first: a replay would
 * no longer give the same alerts every time.
 */
public final class KeyedEventTimeBroadcastOperator<K, IN1, IN2, OUT>
        extends CoBroadcastWithKeyedOperator<K, IN1, IN2, OUT> {

    private static final long serialVersionUID = 1L;

    private static final int BROADCAST_INPUT = 1;

    public KeyedEventTimeBroadcastOperator(
            KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function,
            List<MapStateDescriptor<?, ?>> broadcastStates) {
        super(function, broadcastStates);
    }

    @Override
    public void open() throws Exception {
        super.open();
        combinedWatermark.updateStatus(BROADCAST_INPUT, true);
    }

    @Override
    public void processWatermark2(Watermark mark) {
        // The broadcast input's event time is not the events'.
    }

    @Override
    protected void processWatermarkStatus(WatermarkStatus status, int index) throws Exception {
        if (index != BROADCAST_INPUT) {
            super.processWatermarkStatus(status, index);
        }
    }
}

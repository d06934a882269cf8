package io.slawatch.time;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of a broadcast input that carries settings, not events (the policy versions topic):
 * always at the end of time, so the operator it feeds follows its other input's event time alone.
 * Not {@link Long#MAX_VALUE}, which would end event time before the events do.
 */
public final class NeverHoldBackWatermarks<T> implements WatermarkGenerator<T> {

    static final long END_OF_TIME = Long.MAX_VALUE - 1;

    public static <T> WatermarkStrategy<T> strategy() {
        return WatermarkStrategy.forGenerator(context -> new NeverHoldBackWatermarks<>());
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        output.emitWatermark(new Watermark(END_OF_TIME));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(END_OF_TIME));
    }
}

package io.slawatch.stats;

import io.slawatch.model.StatsBucket;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sums the one-sample buckets of each statistics bucket (keyed by bucket id) in event time: the
 * bucket is emitted when the watermark passes its end, and again after every late sample, so the
 * document with the same id is overwritten with the corrected sums. A sample later than the allowed
 * lateness is counted in {@code statsSamplesTooLate} and not applied: the bucket's sums are gone by
 * then, and emitting a partial bucket would overwrite the right document with a wrong one. A bucket
 * of a retired grain, restored from an older savepoint, is dropped unwritten.
 */
public final class RollingStatsFunction
        extends KeyedProcessFunction<String, StatsBucket, StatsBucket> {

    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofHours(1);

    private final long allowedLatenessMillis;

    /**
     * Cleared by the cleanup timer at the bucket's end plus the allowed lateness, which is
     * registered with the bucket's first sample; both timers fire at the latest when the input
     * ends.
     */
    private transient ValueState<StatsBucket> bucket;

    private transient Counter samplesTooLate;

    public RollingStatsFunction(Duration allowedLateness) {
        this.allowedLatenessMillis = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        bucket =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "bucket", TypeInformation.of(StatsBucket.class)));
        samplesTooLate = getRuntimeContext().getMetricGroup().counter("statsSamplesTooLate");
    }

    @Override
    public void processElement(StatsBucket sample, Context ctx, Collector<StatsBucket> out)
            throws Exception {
        long last = sample.end() - 1;
        long watermark = ctx.timerService().currentWatermark();
        if (watermark >= last + allowedLatenessMillis) {
            samplesTooLate.inc();
            return;
        }
        StatsBucket sums = bucket.value();
        if (sums == null) {
            sums = sample;
            ctx.timerService().registerEventTimeTimer(last + allowedLatenessMillis);
        } else {
            sums.add(sample);
        }
        bucket.update(sums);
        if (watermark >= last) {
            out.collect(sums);
        } else {
            ctx.timerService().registerEventTimeTimer(last);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<StatsBucket> out)
            throws Exception {
        StatsBucket sums = bucket.value();
        long last = sums.end() - 1;
        if (timestamp == last && !sums.grain.isRetired()) {
            out.collect(sums);
        }
        if (timestamp == last + allowedLatenessMillis) {
            bucket.clear();
        }
    }
}

package io.slawatch.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.ingest.Decoded;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.InstantiationUtil;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

class LiveWatermarkGeneratorsTest {

    final ManualSourceTime time = new ManualSourceTime();
    final WatermarkGeneratorSupplier.Context context =
            new WatermarkGeneratorSupplier.Context() {
                @Override
                public MetricGroup getMetricGroup() {
                    return new UnregisteredMetricsGroup();
                }

                @Override
                public RelativeClock getInputActivityClock() {
                    return time.activity;
                }
            };
    final LiveWatermarkGenerators<Decoded> generators =
            new LiveWatermarkGenerators<>(2_000, 1_000, 10_000, WallClock.SYSTEM);

    @Test
    void shouldGiveTheReaderOutputIdlenessAndEachSplitQuietStreamWatermarks() {
        assertThat(generators.createWatermarkGenerator(context))
                .isInstanceOf(ReaderOutputIdleness.class);
        assertThat(generators.createWatermarkGenerator(context))
                .isInstanceOf(QuietStreamWatermarks.class);
        assertThat(generators.createWatermarkGenerator(context))
                .isInstanceOf(QuietStreamWatermarks.class);
    }

    @Test
    void shouldStartAgainWithTheReaderOutputInEachDeserializedCopy() throws Exception {
        generators.createWatermarkGenerator(context);
        LiveWatermarkGenerators<Decoded> subtask =
                InstantiationUtil.clone(generators, getClass().getClassLoader());

        assertThat(subtask.createWatermarkGenerator(context))
                .isInstanceOf(ReaderOutputIdleness.class);
    }
}

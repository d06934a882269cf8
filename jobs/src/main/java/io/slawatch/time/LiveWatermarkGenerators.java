package io.slawatch.time;

import io.slawatch.ingest.DecodedRecord;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;

/**
 * The live generators of one source subtask. Flink asks for the generator of the reader's main
 * output first ({@code ProgressiveTimestampsAndWatermarks.createMainOutput}), then for one per
 * split as splits are added: the first is {@link ReaderOutputIdleness}, each later one {@link
 * QuietStreamWatermarks}. Every subtask deserializes a supplier of its own, so the first is counted
 * per subtask, and again after each restart.
 */
final class LiveWatermarkGenerators<T extends DecodedRecord>
        implements WatermarkGeneratorSupplier<T> {

    private final long boundMillis;
    private final long idleMillis;
    private final long startupGraceMillis;
    private final WallClock clock;
    private transient boolean mainOutputCreated;

    LiveWatermarkGenerators(
            long boundMillis, long idleMillis, long startupGraceMillis, WallClock clock) {
        this.boundMillis = boundMillis;
        this.idleMillis = idleMillis;
        this.startupGraceMillis = startupGraceMillis;
        this.clock = clock;
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(Context context) {
        if (!mainOutputCreated) {
            mainOutputCreated = true;
            return new ReaderOutputIdleness<>(startupGraceMillis, context.getInputActivityClock());
        }
        return new QuietStreamWatermarks<>(
                boundMillis,
                idleMillis,
                startupGraceMillis,
                clock,
                context.getInputActivityClock());
    }
}
